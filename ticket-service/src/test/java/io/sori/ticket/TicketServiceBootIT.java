package io.sori.ticket;

import static io.sori.testsupport.Callers.agent;
import static org.assertj.core.api.Assertions.assertThat;

import io.sori.testsupport.ServiceBootChecks;
import io.sori.testsupport.SoriIntegrationTest;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@SoriIntegrationTest
class TicketServiceBootIT extends ServiceBootChecks {

    /**
     * The names as Prometheus scrapes them, exactly as the Grafana dashboard, the alerts and the
     * README read them: Prometheus' client renames some (a trailing {@code _created} is dropped).
     */
    @Test
    void shouldExposeTheBusinessMetricsUnderTheNamesTheDashboardsRead() {
        http.post().uri("/api/tickets").headers(agent("agent-metrics"))
                .bodyValue(Map.of("customerId", TicketTestSupport.newId("cust"), "channel", "PHONE",
                        "subject", "카드 결제 취소가 안 돼요", "description", "전화 상담: 결제 취소 문의"))
                .exchange().expectStatus().isCreated();

        String scrape = http.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Set<String> exposed = Arrays.stream(scrape.split("\n"))
                .filter(line -> line.startsWith("sori_"))
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toSet());

        assertThat(exposed).contains("sori_tickets_opened_total", "sori_tickets_open", "sori_queue_depth",
                "sori_tickets_first_response_seconds_bucket", "sori_tickets_resolution_seconds_bucket",
                "sori_outbox_pending");
        assertThat(exposed).as("no counter renamed behind the dashboards' back")
                .doesNotContain("sori_tickets_total", "sori_tickets_created_total");
        assertThat(scrape).containsPattern(
                "sori_tickets_opened_total\\{[^}]*category=\"[A-Z_]+\"[^}]*channel=\"PHONE\"[^}]*priority=\"[A-Z]+\"");
    }
}
