package io.sori.channel.email;

import io.sori.events.channel.Attachment;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a raw RFC 822 message with Jakarta Mail: RFC 2047 encoded headers (Korean subjects as
 * {@code =?UTF-8?B?...?=}), quoted-printable and base64 bodies in any charset, multipart/alternative
 * (the plain text is taken, else the HTML's text) and multipart/mixed, nested; attachments become
 * metadata (RFC 2231 and RFC 2047 encoded filenames, content type, decoded size) and their bytes are
 * only counted, never kept.
 */
public final class MimeMailParser {

    private static final Session SESSION = Session.getInstance(mimeProperties());
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,250}>");

    /** Thrown for input that is not a readable mail; the message names the problem. */
    public static final class UnreadableMailException extends RuntimeException {
        UnreadableMailException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static Properties mimeProperties() {
        Properties props = new Properties();
        props.setProperty("mail.mime.decodeparameters", "true");
        props.setProperty("mail.mime.decodetext.strict", "false");
        props.setProperty("mail.mime.address.strict", "false");
        return props;
    }

    public ParsedMail parse(byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            Body body = new Body();
            read(message, body);
            String text = body.plain.length() > 0 ? body.plain.toString() : htmlToText(body.html.toString());
            return new ParsedMail(address(message.getFrom()), address(message.getAllRecipients()),
                    decode(message.getHeader("Subject", null)), text.strip(),
                    firstId(message.getHeader("Message-ID", null)), firstId(message.getHeader("In-Reply-To", null)),
                    ids(message.getHeader("References", " ")), body.attachments);
        } catch (MessagingException | IOException e) {
            throw new UnreadableMailException("the message is not a readable RFC 822 mail: " + e.getMessage(), e);
        }
    }

    private static final class Body {
        final StringBuilder plain = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final List<Attachment> attachments = new ArrayList<>();
    }

    private void read(Part part, Body body) throws MessagingException, IOException {
        String filename = filename(part);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition(part)) || filename != null;
        if (part.isMimeType("multipart/*") && !attachment) {
            Multipart multipart = (Multipart) part.getContent();
            if (part.isMimeType("multipart/alternative")) {
                readAlternative(multipart, body);
                return;
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                read(multipart.getBodyPart(i), body);
            }
            return;
        }
        if (attachment || part.isMimeType("message/rfc822") || !part.isMimeType("text/*")) {
            body.attachments.add(new Attachment(filename == null ? "attachment" : filename, baseType(part),
                    decodedSize(part)));
            return;
        }
        if (part.isMimeType("text/html")) {
            append(body.html, text(part));
        } else {
            append(body.plain, text(part));
        }
    }

    /** Alternatives of one content: the plain text if there is one, else the richest part read as text. */
    private void readAlternative(Multipart alternative, Body body) throws MessagingException, IOException {
        BodyPart chosen = null;
        for (int i = 0; i < alternative.getCount(); i++) {
            BodyPart candidate = alternative.getBodyPart(i);
            if (candidate.isMimeType("text/plain")) {
                chosen = candidate;
                break;
            }
            chosen = candidate;
        }
        if (chosen != null) {
            read(chosen, body);
        }
    }

    private static void append(StringBuilder out, String text) {
        if (!out.isEmpty()) {
            out.append("\n\n");
        }
        out.append(text);
    }

    /** The text of a part in its declared charset (Jakarta Mail has already undone QP or base64). */
    private static String text(Part part) throws MessagingException, IOException {
        Charset charset = StandardCharsets.UTF_8;
        try {
            String declared = new ContentType(part.getContentType()).getParameter("charset");
            if (declared != null) {
                charset = Charset.forName(MimeUtility.javaCharset(declared.strip()));
            }
        } catch (ParseException | IllegalArgumentException unknownCharset) {
            // read as UTF-8
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), charset);
        }
    }

    private static long decodedSize(Part part) throws MessagingException, IOException {
        long size = 0;
        byte[] buffer = new byte[8192];
        try (InputStream in = part.getInputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                size += n;
            }
        }
        return size;
    }

    private static String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException unreadable) {
            return null;
        }
    }

    /** The filename, RFC 2231 ({@code filename*=UTF-8''...}) or RFC 2047 ({@code =?UTF-8?B?...?=}) encoded. */
    private static String filename(Part part) {
        try {
            String name = part.getFileName();
            if (name == null) {
                return null;
            }
            return decode(name).strip();
        } catch (MessagingException unreadable) {
            return null;
        }
    }

    private static String baseType(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException e) {
            return "application/octet-stream";
        }
    }

    private static String decode(String header) {
        if (header == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(header));
        } catch (UnsupportedEncodingException e) {
            return header;
        }
    }

    private static String address(Address[] addresses) {
        if (addresses == null || addresses.length == 0) {
            return null;
        }
        return Arrays.stream(addresses).filter(InternetAddress.class::isInstance)
                .map(a -> ((InternetAddress) a).getAddress()).findFirst().orElse(null);
    }

    private static String firstId(String header) {
        List<String> ids = ids(header);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static List<String> ids(String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            Matcher m = MESSAGE_ID.matcher(header);
            while (m.find()) {
                ids.add(m.group());
            }
        }
        return ids;
    }

    /** A plain reading of an HTML body: tags dropped, breaks kept, entities for the common characters. */
    static String htmlToText(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        String text = html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
                .replaceAll("(?i)<br\\s*/?>|</p>|</div>|</li>|</tr>", "\n")
                .replaceAll("<[^>]+>", " ")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return text.replaceAll("[ \\t]+", " ").replaceAll(" *\n *", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }
}
