package io.sori.channel.web;

import io.sori.platform.redaction.PiiRedactor;
import io.sori.events.channel.Attachment;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/** An attachment's metadata as a channel platform sends it; the content stays with the platform. */
public record AttachmentMeta(
        @NotBlank @Size(max = 255) String filename,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}",
                message = "must be a media type such as image/png") String contentType,
        @NotNull @PositiveOrZero @Max(value = 104_857_600, message = "must be at most 100 MB") Long sizeBytes) {

    public static List<Attachment> redacted(List<AttachmentMeta> attachments, PiiRedactor redactor) {
        if (attachments == null) {
            return List.of();
        }
        return attachments.stream()
                .map(a -> new Attachment(redactor.redact(a.filename().strip()), a.contentType().toLowerCase(), a.sizeBytes()))
                .toList();
    }
}
