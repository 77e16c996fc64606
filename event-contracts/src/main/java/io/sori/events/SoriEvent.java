package io.sori.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Every event one Sori service tells the others. The aggregate id is the Kafka key,
 * so all events of one ticket (or conversation, or customer) stay in order.
 */
public interface SoriEvent {

    @JsonIgnore
    String aggregateId();
}
