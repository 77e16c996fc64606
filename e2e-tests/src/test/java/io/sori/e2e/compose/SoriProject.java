package io.sori.e2e.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The Sori source tree, read the way the build and the services read it. */
final class SoriProject {

    private static final Pattern MODULE = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>");
    private static final Pattern XML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

    private final Path root;

    private SoriProject(Path root) {
        this.root = root;
    }

    /**
     * The project root: the {@code sori.home} system property (set by the e2e-tests pom),
     * else the parent of the module directory surefire runs in, else the working directory.
     */
    static SoriProject locate() {
        List<Path> candidates = new ArrayList<>();
        String home = System.getProperty("sori.home");
        if (home != null && !home.isBlank()) {
            candidates.add(Path.of(home));
        }
        candidates.add(Path.of(".."));
        candidates.add(Path.of("."));
        for (Path candidate : candidates) {
            Path dir = candidate.toAbsolutePath().normalize();
            if (Files.isRegularFile(dir.resolve("pom.xml")) && new SoriProject(dir).modules().contains("e2e-tests")) {
                return new SoriProject(dir);
            }
        }
        throw new AssertionError("Cannot find the Sori project root (a pom.xml listing e2e-tests) in " + candidates);
    }

    Path root() {
        return root;
    }

    Path resolve(String relative) {
        return root.resolve(relative).normalize();
    }

    /** The {@code <module>} entries of the root pom, in order. */
    List<String> modules() {
        String pom = XML_COMMENT.matcher(read(root.resolve("pom.xml"))).replaceAll("");
        List<String> modules = new ArrayList<>();
        Matcher m = MODULE.matcher(pom);
        while (m.find()) {
            modules.add(m.group(1));
        }
        return modules;
    }

    /** The modules that are Spring Boot services: an application.yml and a {@code @SpringBootApplication}. */
    List<ServiceModule> serviceModules() {
        return modules().stream()
                .filter(name -> Files.isRegularFile(applicationYml(name)) && hasBootApplication(name))
                .map(this::serviceModule)
                .toList();
    }

    Path applicationYml(String module) {
        return root.resolve(module).resolve("src/main/resources/application.yml");
    }

    private boolean hasBootApplication(String module) {
        Path sources = root.resolve(module).resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .anyMatch(p -> read(p).contains("@SpringBootApplication"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ServiceModule serviceModule(String name) {
        Path yml = applicationYml(name);
        String text = read(yml);
        Map<String, Object> config = defaultProfileDocument(text, yml);
        List<Path> imports = new ArrayList<>();
        for (String location : importLocations(config)) {
            findResource(name, location).ifPresent(imports::add);
        }
        return new ServiceModule(name, root.resolve(name), yml, text, config, imports);
    }

    /** The classpath resource a {@code spring.config.import} names, in this module or a reactor module it may depend on. */
    private Optional<Path> findResource(String module, String location) {
        String loc = location.trim();
        if (loc.startsWith("optional:")) {
            loc = loc.substring("optional:".length());
        }
        if (!loc.startsWith("classpath:")) {
            return Optional.empty();
        }
        String resource = loc.substring("classpath:".length()).replaceFirst("^/", "");
        List<String> searchOrder = new ArrayList<>();
        searchOrder.add(module);
        modules().stream().filter(m -> !m.equals(module)).forEach(searchOrder::add);
        return searchOrder.stream()
                .map(m -> root.resolve(m).resolve("src/main/resources").resolve(resource))
                .filter(Files::isRegularFile)
                .findFirst();
    }

    private static List<String> importLocations(Map<String, Object> config) {
        Object value = Yamls.lookup(config, "spring.config.import");
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return Arrays.stream(String.valueOf(value).split(",")).map(String::trim).toList();
    }

    /** The first YAML document not bound to a profile: what runs when no profile is active. */
    static Map<String, Object> defaultProfileDocument(String text, Path source) {
        for (Object doc : Yamls.loadAll(text, source)) {
            if (doc instanceof Map<?, ?> map
                    && Yamls.lookup(map, "spring.config.activate.on-profile") == null
                    && Yamls.lookup(map, "spring.profiles") == null) {
                return Yamls.stringKeys(map);
            }
        }
        return Map.of();
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Small helpers over SnakeYAML's untyped maps. */
    static final class Yamls {

        private Yamls() {
        }

        static Yaml yaml() {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            return new Yaml(new SafeConstructor(options));
        }

        static Map<String, Object> load(Path file) {
            assertThat(file).as("expected file %s", file).isRegularFile();
            Object doc;
            try {
                doc = yaml().load(read(file));
            } catch (RuntimeException e) {
                throw new AssertionError(file + " is not valid YAML: " + e.getMessage(), e);
            }
            assertThat(doc).as("%s should hold a YAML mapping", file).isInstanceOf(Map.class);
            return stringKeys((Map<?, ?>) doc);
        }

        static List<Object> loadAll(String text, Path source) {
            List<Object> docs = new ArrayList<>();
            try {
                yaml().loadAll(text).forEach(docs::add);
            } catch (RuntimeException e) {
                throw new AssertionError(source + " is not valid YAML: " + e.getMessage(), e);
            }
            return docs;
        }

        static Map<String, Object> stringKeys(Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(String.valueOf(k), v));
            return result;
        }

        static Map<String, Object> map(Object value) {
            return value instanceof Map<?, ?> m ? stringKeys(m) : Map.of();
        }

        static List<Object> list(Object value) {
            return value instanceof List<?> l ? new ArrayList<>(l) : List.of();
        }

        /**
         * A value by its dotted Spring-style path, whether the YAML nests the keys
         * ({@code server: {port: 1}}) or writes them flat ({@code server.port: 1}).
         */
        static Object lookup(Object node, String path) {
            if (path.isEmpty()) {
                return node;
            }
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            String[] parts = path.split("\\.");
            for (int i = parts.length; i >= 1; i--) {
                String key = String.join(".", Arrays.copyOfRange(parts, 0, i));
                if (map.containsKey(key)) {
                    Object found = lookup(map.get(key), String.join(".", Arrays.copyOfRange(parts, i, parts.length)));
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }
    }
}
