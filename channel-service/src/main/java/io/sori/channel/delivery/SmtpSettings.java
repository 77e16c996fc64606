package io.sori.channel.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outbound email. Off in the embedded default (mail is then only recorded in the log); on, it
 * talks SMTP to {@code host:port}.
 *
 * @param from        the sender, e.g. {@code 소리뱅크 고객센터 <help@soribank.example>}
 * @param startTls    upgrade the connection with STARTTLS when the server offers it
 */
@ConfigurationProperties("sori.channel.smtp")
public record SmtpSettings(boolean enabled, String host, int port, String username, String password, String from,
        boolean startTls, Duration timeout) {

    public SmtpSettings {
        host = host == null || host.isBlank() ? "localhost" : host;
        port = port <= 0 ? 25 : port;
        from = from == null || from.isBlank() ? "소리뱅크 고객센터 <help@soribank.example>" : from;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }
}
