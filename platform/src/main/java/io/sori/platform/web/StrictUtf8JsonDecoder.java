package io.sori.platform.web;

import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.util.MimeType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JSON bodies only when they are well-formed UTF-8 (RFC 3629). Jackson reads overlong forms
 * as characters ({@code C0 AF} becomes {@code /}), which lets a client smuggle characters past
 * anything that looked at the bytes; such a body is refused as unreadable instead.
 */
public class StrictUtf8JsonDecoder extends JacksonJsonDecoder {

    public StrictUtf8JsonDecoder(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    public Object decode(DataBuffer buffer, ResolvableType targetType, MimeType mimeType, Map<String, Object> hints) {
        boolean utf8 = mimeType == null || mimeType.getCharset() == null
                || "UTF-8".equals(mimeType.getCharset().name());
        if (utf8 && !wellFormed(buffer)) {
            DataBufferUtils.release(buffer);
            throw new DecodingException("the JSON body is not well-formed UTF-8");
        }
        return super.decode(buffer, targetType, mimeType, hints);
    }

    /** True when every byte sequence is a shortest-form UTF-8 scalar value (no overlong forms, no surrogates). */
    static boolean wellFormed(DataBuffer buffer) {
        int end = buffer.writePosition();
        for (int i = buffer.readPosition(); i < end; ) {
            int c = buffer.getByte(i) & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int trailing;
            int low = 0x80;
            int high = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                trailing = 1;
            } else if (c == 0xE0) {
                trailing = 2;
                low = 0xA0;
            } else if (c == 0xED) {
                trailing = 2;
                high = 0x9F; // U+D800..U+DFFF are not characters
            } else if (c >= 0xE1 && c <= 0xEF) {
                trailing = 2;
            } else if (c == 0xF0) {
                trailing = 3;
                low = 0x90;
            } else if (c >= 0xF1 && c <= 0xF3) {
                trailing = 3;
            } else if (c == 0xF4) {
                trailing = 3;
                high = 0x8F; // nothing above U+10FFFF
            } else {
                return false;
            }
            if (i + trailing >= end) {
                return false;
            }
            for (int k = 1; k <= trailing; k++) {
                int d = buffer.getByte(i + k) & 0xff;
                if (d < (k == 1 ? low : 0x80) || d > (k == 1 ? high : 0xBF)) {
                    return false;
                }
            }
            i += trailing + 1;
        }
        return true;
    }
}
