package io.sori.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.sori.events.channel.Attachment;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MimeMailParserTest {

    private final MimeMailParser parser = new MimeMailParser();

    @Test
    void shouldReadAKoreanMultipartMailWithEncodedSubjectBodyAndAttachmentNames() {
        ParsedMail mail = parser.parse(KoreanMail.multipart("hong@example.com", "<first-1@mail.example.com>"));

        assertThat(mail.from()).isEqualTo("hong@example.com");
        assertThat(mail.to()).isEqualTo("help@soribank.example");
        assertThat(mail.subject()).isEqualTo(KoreanMail.SUBJECT);
        assertThat(mail.messageId()).isEqualTo("<first-1@mail.example.com>");
        // the plain alternative, decoded from quoted-printable; the HTML alternative is not added twice
        assertThat(mail.text()).isEqualTo(KoreanMail.BODY.replace("\r\n", "\n").strip()
                .replace("\n", "\r\n")).doesNotContain("<p>");
        assertThat(mail.attachments()).containsExactly(
                new Attachment(KoreanMail.FORM, "application/pdf", KoreanMail.FORM_SIZE),
                new Attachment(KoreanMail.PHOTO, "image/jpeg", KoreanMail.PHOTO_SIZE));
    }

    @Test
    void shouldReadThreadHeadersOfAReply() {
        ParsedMail mail = parser.parse(KoreanMail.reply("hong@example.com", "<reply-1@mail.example.com>",
                "<first-1@mail.example.com>", "재발급 신청은 앱에서 하면 되나요?"));

        assertThat(mail.subject()).isEqualTo("Re: " + KoreanMail.SUBJECT);
        assertThat(mail.inReplyTo()).isEqualTo("<first-1@mail.example.com>");
        assertThat(mail.references()).containsExactly("<first-1@mail.example.com>");
        assertThat(mail.text()).isEqualTo("재발급 신청은 앱에서 하면 되나요?");
        assertThat(mail.attachments()).isEmpty();
    }

    @Test
    void shouldReadAnHtmlOnlyMailAsText() {
        String raw = "From: a@example.com\r\nSubject: =?EUC-KR?B?x9GxuQ==?=\r\nMessage-ID: <h@x>\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\n\r\n<div>이체 한도&nbsp;문의</div><br><p>감사합니다</p>\r\n";
        ParsedMail mail = parser.parse(raw.getBytes(StandardCharsets.UTF_8));

        assertThat(mail.subject()).isEqualTo("한국");
        assertThat(mail.text()).isEqualTo("이체 한도 문의\n\n감사합니다");
    }

    @Test
    void shouldFindNoSenderInWhatIsNotAMail() {
        // mail parsing is lenient by design; what makes it refusable is that nobody sent it
        ParsedMail mail = parser.parse("그냥 텍스트입니다. 메일이 아니에요".getBytes(StandardCharsets.UTF_8));
        assertThat(mail.from()).isNull();
        assertThat(mail.messageId()).isNull();
    }
}
