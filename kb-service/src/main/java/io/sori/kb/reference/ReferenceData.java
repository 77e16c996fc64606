package io.sori.kb.reference;

import io.sori.events.kb.ReferenceDataUpdated;
import io.sori.platform.outbox.OutboxMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One kind of reference data, versioned: every replacement bumps {@code version} and records
 * ReferenceDataUpdated in the same write.
 */
@Document(ReferenceData.COLLECTION)
public class ReferenceData {

    public static final String COLLECTION = "reference_data";

    @Id
    private ReferenceKind kind;
    private int version;
    private Instant updatedAt;
    private String updatedBy;
    private List<FxRate> rates;
    private List<CashbackMerchant> merchants;
    private List<OutboxMessage> outbox = new ArrayList<>();
    @Version
    private Long revision;

    protected ReferenceData() {
    }

    static ReferenceData initial(ReferenceKind kind, List<FxRate> rates, List<CashbackMerchant> merchants,
            String by, Instant now) {
        ReferenceData data = new ReferenceData();
        data.kind = kind;
        data.replace(rates, merchants, by, null, now);
        return data;
    }

    /** Replaces the data: one version up, and an event that says so. */
    void replace(List<FxRate> rates, List<CashbackMerchant> merchants, String by, String correlationId, Instant now) {
        this.rates = rates == null ? null : List.copyOf(rates);
        this.merchants = merchants == null ? null : List.copyOf(merchants);
        this.version++;
        this.updatedAt = now;
        this.updatedBy = by;
        outbox.add(OutboxMessage.of(new ReferenceDataUpdated(kind.name(), version), correlationId, now));
    }

    public ReferenceKind kind() { return kind; }
    public int version() { return version; }
    public Instant updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }
    public List<FxRate> rates() { return rates == null ? List.of() : rates; }
    public List<CashbackMerchant> merchants() { return merchants == null ? List.of() : merchants; }
}
