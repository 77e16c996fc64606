package io.sori.ticket.priority;

import static org.assertj.core.api.Assertions.assertThat;

import io.sori.events.ticket.Priority;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueOrderTest {

    private record Item(String name, Priority priority, Instant dueAt, Instant createdAt) {
    }

    private static final Comparator<Item> ORDER = QueueOrder.comparing(Item::priority, Item::dueAt, Item::createdAt);

    private static Instant at(String time) {
        return Instant.parse("2026-03-02T" + time + ":00Z");
    }

    @Test
    void shouldOrderByPriorityThenEarliestDueThenAge() {
        List<Item> items = new ArrayList<>(List.of(
                new Item("low", Priority.LOW, at("01:00"), at("00:00")),
                new Item("normal, no due", Priority.NORMAL, null, at("00:00")),
                new Item("normal, due late", Priority.NORMAL, at("09:00"), at("00:00")),
                new Item("normal, due early, newer", Priority.NORMAL, at("05:00"), at("02:00")),
                new Item("normal, due early, older", Priority.NORMAL, at("05:00"), at("01:00")),
                new Item("high", Priority.HIGH, at("10:00"), at("03:00")),
                new Item("urgent", Priority.URGENT, null, at("04:00"))));

        items.sort(ORDER);

        assertThat(items).extracting(Item::name).containsExactly("urgent", "high", "normal, due early, older",
                "normal, due early, newer", "normal, due late", "normal, no due", "low");
    }

    @Test
    void shouldTakeTheEarlierOfDeadlineAndSlaDue() {
        assertThat(QueueOrder.earliest(at("05:00"), at("03:00"))).isEqualTo(at("03:00"));
        assertThat(QueueOrder.earliest(at("03:00"), at("05:00"))).isEqualTo(at("03:00"));
        assertThat(QueueOrder.earliest(null, at("05:00"))).isEqualTo(at("05:00"));
        assertThat(QueueOrder.earliest(at("05:00"), null)).isEqualTo(at("05:00"));
        assertThat(QueueOrder.earliest(null, null)).isNull();
    }
}
