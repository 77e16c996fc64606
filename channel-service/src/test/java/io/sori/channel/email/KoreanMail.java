package io.sori.channel.email;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Raw RFC 822 mails as Korean mail clients write them: an RFC 2047 encoded subject,
 * multipart/mixed around multipart/alternative (quoted-printable plain text, base64 HTML), and
 * attachments named with RFC 2231 and with RFC 2047.
 */
final class KoreanMail {

    static final String SUBJECT = "체크카드 분실 관련 문의드립니다";
    static final String BODY = "안녕하세요. 어제 체크카드를 잃어버렸는데 재발급 받으려면 어떻게 하나요?\r\n"
            + "연락처는 010-1234-5678 이고 카드번호는 4111-1111-1111-1111 입니다.";
    static final String FORM = "분실신고서_홍길동.pdf";
    static final String PHOTO = "카드사진.jpg";
    static final int FORM_SIZE = 2345;
    static final int PHOTO_SIZE = 777;

    private KoreanMail() {
    }

    static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String encodedWord(String text) {
        return "=?UTF-8?B?" + b64(text) + "?=";
    }

    static String quotedPrintable(String text) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (OutputStream qp = MimeUtility.encode(out, "quoted-printable")) {
                qp.write(text.getBytes(StandardCharsets.UTF_8));
            }
            return out.toString(StandardCharsets.US_ASCII);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String bytesB64(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return Base64.getMimeEncoder().encodeToString(bytes);
    }

    /** The first mail of a thread, from {@code from}, with Message-ID {@code messageId}. */
    static byte[] multipart(String from, String messageId) {
        String rfc2231 = URLEncoder.encode(FORM, StandardCharsets.UTF_8).replace("+", "%20");
        String mail = "From: =?UTF-8?B?" + b64("홍길동") + "?= <" + from + ">\r\n"
                + "To: help@soribank.example\r\n"
                + "Subject: " + encodedWord(SUBJECT) + "\r\n"
                + "Date: Tue, 24 Nov 2026 10:15:00 +0900\r\n"
                + "Message-ID: " + messageId + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"mixed-boundary\"\r\n"
                + "\r\n"
                + "This is a multi-part message in MIME format.\r\n"
                + "--mixed-boundary\r\n"
                + "Content-Type: multipart/alternative; boundary=\"alt-boundary\"\r\n"
                + "\r\n"
                + "--alt-boundary\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n"
                + "\r\n"
                + quotedPrintable(BODY) + "\r\n"
                + "--alt-boundary\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n"
                + Base64.getMimeEncoder().encodeToString(("<p>" + BODY.replace("\r\n", "<br>") + "</p>")
                        .getBytes(StandardCharsets.UTF_8)) + "\r\n"
                + "--alt-boundary--\r\n"
                + "--mixed-boundary\r\n"
                + "Content-Type: application/pdf; name*=UTF-8''" + rfc2231 + "\r\n"
                + "Content-Disposition: attachment; filename*=UTF-8''" + rfc2231 + "\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n"
                + bytesB64(FORM_SIZE) + "\r\n"
                + "--mixed-boundary\r\n"
                + "Content-Type: image/jpeg; name=\"" + encodedWord(PHOTO) + "\"\r\n"
                + "Content-Disposition: attachment; filename=\"" + encodedWord(PHOTO) + "\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n"
                + bytesB64(PHOTO_SIZE) + "\r\n"
                + "--mixed-boundary--\r\n";
        return mail.getBytes(StandardCharsets.US_ASCII);
    }

    /** A plain reply in the same thread, base64 body in UTF-8. */
    static byte[] reply(String from, String messageId, String inReplyTo, String text) {
        String mail = "From: " + from + "\r\n"
                + "To: help@soribank.example\r\n"
                + "Subject: " + encodedWord("Re: " + SUBJECT) + "\r\n"
                + "Message-ID: " + messageId + "\r\n"
                + "In-Reply-To: " + inReplyTo + "\r\n"
                + "References: " + inReplyTo + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=\"utf-8\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n"
                + Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "\r\n";
        return mail.getBytes(StandardCharsets.US_ASCII);
    }
}
