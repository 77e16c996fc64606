package io.sori.kb.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The bank's contact points are one set: the complaint receipt (ticket-service's complaint desk),
 * the line a blocked customer is given and the sender of customer mail (channel-service), and the
 * numbers the FAQ and KMS articles give must agree. Reads the services' settings from the
 * repository, so changing a number in one place and not the other fails here.
 */
class ContactNumbersTest {

    /** Numbers that are not Sori Bank's: police, the financial supervisor, the internet security agency. */
    private static final Set<String> PUBLIC_NUMBERS = Set.of("112", "1332", "118");
    /** The card-loss and fraud line from abroad (an international number cannot be dialled at home). */
    private static final String FROM_ABROAD = "+82-2-6900-7071";
    private static final Pattern PHONE = Pattern.compile(
            "\\+\\d{2}-\\d{1,2}-\\d{3,4}-\\d{4}|(?<![\\d-])(?:0\\d{1,2}-\\d{3,4}-\\d{4}|1\\d{3}-\\d{4})(?![\\d-])");
    private static final Pattern PUBLIC_NUMBER = Pattern.compile("(?<![\\d-])(112|1332|118)(?![\\d-]|만|원|개|일|%)");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern DEFAULT = Pattern.compile("\\$\\{[A-Z_]+:(.*)}");

    private final Map<String, SeedArticles.SeedArticle> seeds = SeedArticles.load().stream()
            .collect(Collectors.toMap(SeedArticles.SeedArticle::id, s -> s));

    private final String complaintDeskName = setting("ticket-service", "sori", "tickets", "complaint-desk-name");
    private final String complaintDeskContact = setting("ticket-service", "sori", "tickets", "complaint-desk-contact");
    private final String emergencyPhone = setting("channel-service", "sori", "channel", "emergency-phone");
    private final String mailFrom = setting("channel-service", "sori", "channel", "smtp", "from");

    @Test
    void shouldGiveTheComplaintReceiptsDeskAndNumberInTheComplaintArticle() {
        String complaints = seeds.get("faq-complaint-process").body();
        assertThat(complaints).contains(complaintDeskName, complaintDeskContact);
        assertThat(seeds.get("faq-customer-center-hours").body()).contains(complaintDeskContact);
    }

    @Test
    void shouldGiveTheBlockedCustomersLineAsTheTwentyFourHourCardLossAndFraudLine() {
        for (String id : List.of("faq-card-lost", "faq-voice-phishing-report", "faq-smishing", "faq-account-frozen",
                "faq-customer-center-hours")) {
            assertThat(seeds.get(id).body()).as(id)
                    .containsPattern("(?m)^(?=.*24시간).*" + Pattern.quote(emergencyPhone));
        }
        assertThat(seeds.get("faq-voice-phishing-report").body()).contains("112", "1332");
    }

    @Test
    void shouldGiveNoOtherNumberOrAddressInAnyArticle() {
        Set<String> allowed = Set.of(complaintDeskContact, emergencyPhone, FROM_ABROAD);
        Set<String> mailAddresses = new LinkedHashSet<>();
        Matcher from = EMAIL.matcher(mailFrom);
        while (from.find()) {
            mailAddresses.add(from.group());
        }
        assertThat(mailAddresses).as("the sender of customer mail").hasSize(1);
        for (SeedArticles.SeedArticle seed : seeds.values()) {
            String text = seed.title() + "\n" + seed.body();
            assertThat(found(PHONE, text)).as("phone numbers in %s", seed.id()).isSubsetOf(allowed);
            assertThat(found(EMAIL, text)).as("e-mail addresses in %s", seed.id()).isSubsetOf(mailAddresses);
        }
        String all = seeds.values().stream().map(SeedArticles.SeedArticle::body).collect(Collectors.joining("\n"));
        assertThat(found(PUBLIC_NUMBER, all)).isSubsetOf(PUBLIC_NUMBERS);
        assertThat(all).contains(mailAddresses.iterator().next());
    }

    private static Set<String> found(Pattern pattern, String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** A setting's default as a service's application.yml gives it ({@code ${ENV:default}} → default). */
    private static String setting(String module, String... keys) {
        Path file = Path.of("..", module, "src", "main", "resources", "application.yml");
        Object node;
        try (Reader reader = Files.newBufferedReader(file)) {
            node = new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader).iterator().next();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file.toAbsolutePath(), e);
        }
        for (String key : keys) {
            assertThat(node).as("%s in %s", key, file).isInstanceOf(Map.class);
            node = ((Map<?, ?>) node).get(key);
        }
        assertThat(node).as("%s in %s", String.join(".", keys), file).isInstanceOf(String.class);
        Matcher placeholder = DEFAULT.matcher((String) node);
        return placeholder.matches() ? placeholder.group(1) : (String) node;
    }
}
