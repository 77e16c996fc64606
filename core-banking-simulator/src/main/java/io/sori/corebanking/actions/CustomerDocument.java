package io.sori.corebanking.actions;

import io.sori.corebanking.simulation.ActionRecord;
import io.sori.corebanking.simulation.CustomerStanding;
import io.sori.corebanking.simulation.Restriction;
import io.sori.platform.outbox.OutboxMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * One customer as the simulated core keeps them: the freeze and card stop in effect, every
 * emergency action answered for them, and the outbox of answers not yet published. A change
 * and its answer event are one atomic single-document write.
 *
 * <p>An actionId is unique across customers by index, so a requester that reuses one for another
 * customer gets the first answer again (MongoDB enforces the index; mongo-java-server, the
 * embedded store, accepts but does not enforce it on a path into an array).
 */
@Document(CustomerDocument.COLLECTION)
@CompoundIndex(name = "action_id", def = "{'actions.actionId': 1}", unique = true, sparse = true)
class CustomerDocument {

    static final String COLLECTION = "customers";

    /**
     * The customer holding this action. {@code $elemMatch} rather than {@code actions.actionId}:
     * mongo-java-server answers the dotted form through its unique index on that path and finds
     * nothing; MongoDB serves both forms from the index.
     */
    static Query holdingAction(String actionId) {
        return Query.query(Criteria.where("actions").elemMatch(Criteria.where("actionId").is(actionId)));
    }

    @Id
    private String id;
    private Restriction accountFreeze;
    private Restriction cardSuspension;
    private List<ActionRecord> actions = new ArrayList<>();
    private List<OutboxMessage> outbox = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    protected CustomerDocument() {
    }

    static CustomerDocument create(CustomerStanding standing, OutboxMessage answer, Instant now) {
        CustomerDocument customer = new CustomerDocument();
        customer.id = standing.customerId();
        customer.accountFreeze = standing.accountFreeze();
        customer.cardSuspension = standing.cardSuspension();
        customer.actions = new ArrayList<>(standing.actions());
        customer.outbox.add(answer);
        customer.createdAt = now;
        customer.updatedAt = now;
        return customer;
    }

    CustomerStanding standing() {
        return new CustomerStanding(id, accountFreeze, cardSuspension, actions);
    }

    String id() {
        return id;
    }

    Long version() {
        return version;
    }
}
