package io.sori.e2e.compose;

import io.sori.e2e.compose.SoriProject.Yamls;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spring Boot service of the reactor as its own configuration describes it: the
 * default-profile document of its application.yml plus the classpath files it imports.
 */
record ServiceModule(
        String name, Path dir, Path applicationYml, String applicationYmlText,
        Map<String, Object> config, List<Path> imports) {

    private static final Pattern SORI_PLACEHOLDER = Pattern.compile("\\$\\{(SORI_[A-Z0-9_]+)");
    private static final Pattern PLACEHOLDER_WITH_DEFAULT = Pattern.compile("^\\$\\{[^:}]+:([^}]*)}$");

    /** The infrastructure and peer settings a service needs to reach anything outside its container. */
    static boolean isConnectionSetting(String placeholder) {
        return placeholder.equals("SORI_KAFKA_BOOTSTRAP")
                || placeholder.equals("SORI_MONGODB_URI")
                || placeholder.matches("SORI_[A-Z0-9_]+_URL");
    }

    /** {@code server.port}, resolving a {@code ${VAR:default}} placeholder to its default. */
    OptionalInt port() {
        return portAt("server.port");
    }

    /**
     * Where the actuator (readiness, Prometheus) listens: {@code management.server.port} when the module
     * moves it off the public port, else {@code server.port}.
     */
    OptionalInt actuatorPort() {
        OptionalInt management = portAt("management.server.port");
        return management.isPresent() ? management : port();
    }

    private OptionalInt portAt(String path) {
        Object value = property(path);
        if (value instanceof Integer i) {
            return OptionalInt.of(i);
        }
        if (value != null) {
            String text = String.valueOf(value).trim();
            Matcher m = PLACEHOLDER_WITH_DEFAULT.matcher(text);
            if (m.matches()) {
                text = m.group(1).trim();
            }
            if (text.matches("\\d+")) {
                return OptionalInt.of(Integer.parseInt(text));
            }
        }
        return OptionalInt.empty();
    }

    /** Every {@code ${SORI_...}} placeholder in application.yml and the files it imports. */
    Set<String> placeholders() {
        Set<String> names = new TreeSet<>();
        for (String text : texts()) {
            Matcher m = SORI_PLACEHOLDER.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    Set<String> connectionPlaceholders() {
        Set<String> names = new TreeSet<>(placeholders());
        names.removeIf(n -> !isConnectionSetting(n));
        return names;
    }

    /** The default written after the colon of {@code ${NAME:default}}, if any file gives one. */
    Optional<String> placeholderDefault(String name) {
        Pattern p = Pattern.compile("\\$\\{" + Pattern.quote(name) + ":([^}]*)}");
        for (String text : texts()) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                return Optional.of(m.group(1).trim());
            }
        }
        return Optional.empty();
    }

    /**
     * A property as Spring resolves it without a profile: an imported file overrides the
     * file that imports it, a later import overrides an earlier one.
     */
    Object property(String path) {
        for (int i = imports.size() - 1; i >= 0; i--) {
            Path file = imports.get(i);
            Object value = Yamls.lookup(SoriProject.defaultProfileDocument(SoriProject.read(file), file), path);
            if (value != null) {
                return value;
            }
        }
        return Yamls.lookup(config, path);
    }

    private List<String> texts() {
        List<String> texts = new ArrayList<>();
        texts.add(applicationYmlText);
        imports.forEach(p -> texts.add(SoriProject.read(p)));
        return texts;
    }

    String relativeYml() {
        return name + "/src/main/resources/application.yml";
    }

    @Override
    public String toString() {
        return name;
    }
}
