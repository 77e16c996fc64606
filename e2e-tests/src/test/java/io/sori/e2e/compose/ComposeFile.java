package io.sori.e2e.compose;

import io.sori.e2e.compose.SoriProject.Yamls;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml read the way Compose reads it: YAML anchors and merge keys resolved,
 * short and long syntaxes normalised, {@code ${VAR:-default}} taken at its default.
 */
final class ComposeFile {

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-?]([^}]*))?}");
    private static final Pattern MEMORY = Pattern.compile("(?i)^\\s*(\\d+(?:\\.\\d+)?)\\s*([bkmg]?)b?\\s*$");

    private final Path file;
    private final Map<String, Object> root;

    private ComposeFile(Path file, Map<String, Object> root) {
        this.file = file;
        this.root = root;
    }

    static ComposeFile load(Path file) {
        return new ComposeFile(file, Yamls.load(file));
    }

    Path file() {
        return file;
    }

    Set<String> serviceNames() {
        return new TreeSet<>(Yamls.map(root.get("services")).keySet());
    }

    Optional<Service> service(String name) {
        Object spec = Yamls.map(root.get("services")).get(name);
        return spec == null ? Optional.empty() : Optional.of(new Service(name, Yamls.map(spec)));
    }

    List<Service> services() {
        return serviceNames().stream().map(n -> service(n).orElseThrow()).toList();
    }

    /** The first service whose image starts with the given repository, e.g. {@code apache/kafka}. */
    Optional<Service> serviceByImage(String repository) {
        return services().stream()
                .filter(s -> s.image().map(i -> i.equals(repository) || i.startsWith(repository + ":")).orElse(false))
                .findFirst();
    }

    Set<String> declaredVolumes() {
        return new TreeSet<>(Yamls.map(root.get("volumes")).keySet());
    }

    Set<String> declaredNetworks() {
        return new TreeSet<>(Yamls.map(root.get("networks")).keySet());
    }

    /** A value as Compose runs it when the variable is unset: {@code ${X:-d}} becomes d, {@code $$} becomes $. */
    static String interpolateDefaults(String value) {
        Matcher m = INTERPOLATION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2) == null ? "" : m.group(2)));
        }
        m.appendTail(out);
        return out.toString().replace("$$", "$");
    }

    record Port(String published, int target) {
    }

    record Mount(String source, String target, boolean bind) {
    }

    record Service(String name, Map<String, Object> spec) {

        Optional<String> image() {
            return Optional.ofNullable(spec.get("image")).map(String::valueOf);
        }

        Optional<String> buildContext() {
            Object build = spec.get("build");
            if (build instanceof String s) {
                return Optional.of(s);
            }
            return Optional.ofNullable(Yamls.map(build).get("context")).map(String::valueOf);
        }

        Optional<String> dockerfile() {
            return Optional.ofNullable(Yamls.map(spec.get("build")).get("dockerfile")).map(String::valueOf);
        }

        Map<String, String> buildArgs() {
            return keyValues(Yamls.map(spec.get("build")).get("args"));
        }

        Map<String, String> environment() {
            return keyValues(spec.get("environment"));
        }

        /** Service name to condition; the list syntax means {@code service_started}. */
        Map<String, String> dependsOn() {
            Object value = spec.get("depends_on");
            Map<String, String> result = new LinkedHashMap<>();
            if (value instanceof List<?> list) {
                list.forEach(n -> result.put(String.valueOf(n), "service_started"));
            } else {
                Yamls.map(value).forEach((n, v) -> result.put(n,
                        String.valueOf(Yamls.map(v).getOrDefault("condition", "service_started"))));
            }
            return result;
        }

        List<Port> ports() {
            List<Port> ports = new ArrayList<>();
            for (Object entry : Yamls.list(spec.get("ports"))) {
                if (entry instanceof Map<?, ?> m) {
                    Map<String, Object> longSyntax = Yamls.stringKeys(m);
                    ports.add(new Port(String.valueOf(longSyntax.getOrDefault("published", "")),
                            Integer.parseInt(String.valueOf(longSyntax.get("target")))));
                    continue;
                }
                String text = String.valueOf(entry).replaceFirst("/(tcp|udp)$", "");
                String[] parts = text.split(":");
                String target = parts[parts.length - 1];
                String published = parts.length >= 2 ? parts[parts.length - 2] : "";
                if (target.matches("\\d+")) {
                    ports.add(new Port(published, Integer.parseInt(target)));
                }
            }
            return ports;
        }

        Map<String, Object> healthcheck() {
            return Yamls.map(spec.get("healthcheck"));
        }

        /** The healthcheck command as one string, or empty if there is none or it is disabled. */
        Optional<String> healthcheckCommand() {
            Map<String, Object> hc = healthcheck();
            if (Boolean.TRUE.equals(hc.get("disable"))) {
                return Optional.empty();
            }
            Object test = hc.get("test");
            if (test instanceof List<?> list) {
                if (list.isEmpty() || "NONE".equals(String.valueOf(list.get(0)))) {
                    return Optional.empty();
                }
                return Optional.of(String.join(" ", list.stream().map(String::valueOf).toList()));
            }
            return Optional.ofNullable(test).map(String::valueOf);
        }

        /** The program the healthcheck runs: the word after CMD, or the first word of a CMD-SHELL line. */
        Optional<String> healthcheckExecutable() {
            Object test = healthcheck().get("test");
            List<String> words = new ArrayList<>();
            if (test instanceof List<?> list && !list.isEmpty()) {
                String kind = String.valueOf(list.get(0));
                if (kind.equals("CMD-SHELL")) {
                    words.addAll(words(list.size() > 1 ? list.get(1) : ""));
                } else {
                    list.stream().skip(kind.equals("CMD") ? 1 : 0).forEach(w -> words.add(String.valueOf(w)));
                }
            } else if (test != null) {
                words.addAll(words(test));
            }
            // skip leading VAR=value assignments of a shell line
            return words.stream().filter(w -> !w.matches("[A-Za-z_][A-Za-z0-9_]*=.*")).findFirst();
        }

        private static List<String> words(Object line) {
            String text = String.valueOf(line).trim();
            return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\s+"));
        }

        /** mem_limit, or deploy.resources.limits.memory, in bytes. */
        OptionalLong memoryLimitBytes() {
            Object value = spec.get("mem_limit");
            if (value == null) {
                value = Yamls.lookup(spec.get("deploy"), "resources.limits.memory");
            }
            if (value == null) {
                return OptionalLong.empty();
            }
            Matcher m = MEMORY.matcher(String.valueOf(value));
            if (!m.matches()) {
                return OptionalLong.empty();
            }
            double amount = Double.parseDouble(m.group(1));
            long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "k" -> 1024L;
                case "m" -> 1024L * 1024;
                case "g" -> 1024L * 1024 * 1024;
                default -> 1L;
            };
            return OptionalLong.of((long) (amount * unit));
        }

        List<String> command() {
            Object value = spec.get("command");
            if (value instanceof List<?> list) {
                return list.stream().map(String::valueOf).toList();
            }
            return value == null ? List.of() : Arrays.asList(String.valueOf(value).trim().split("\\s+"));
        }

        List<Mount> mounts() {
            List<Mount> mounts = new ArrayList<>();
            for (Object entry : Yamls.list(spec.get("volumes"))) {
                if (entry instanceof Map<?, ?> m) {
                    Map<String, Object> longSyntax = Yamls.stringKeys(m);
                    String source = String.valueOf(longSyntax.getOrDefault("source", ""));
                    mounts.add(new Mount(source, String.valueOf(longSyntax.get("target")),
                            "bind".equals(longSyntax.get("type")) || isPath(source)));
                    continue;
                }
                String[] parts = String.valueOf(entry).split(":");
                if (parts.length == 1) {
                    mounts.add(new Mount("", parts[0], false));
                } else {
                    mounts.add(new Mount(parts[0], parts[1], isPath(parts[0])));
                }
            }
            return mounts;
        }

        Set<String> networks() {
            Object value = spec.get("networks");
            if (value instanceof List<?> list) {
                return new TreeSet<>(list.stream().map(String::valueOf).toList());
            }
            return new TreeSet<>(Yamls.map(value).keySet());
        }

        /** The host path behind a path inside the container, through the service's bind mounts. */
        Optional<Path> hostPath(Path projectRoot, String containerPath) {
            return mounts().stream()
                    .filter(Mount::bind)
                    .filter(m -> containerPath.equals(m.target()) || containerPath.startsWith(trimSlash(m.target()) + "/"))
                    .max(Comparator.comparingInt(m -> m.target().length()))
                    .map(m -> {
                        String rest = containerPath.substring(trimSlash(m.target()).length()).replaceFirst("^/", "");
                        Path host = projectRoot.resolve(m.source()).normalize();
                        return rest.isEmpty() ? host : host.resolve(rest).normalize();
                    });
        }

        private static String trimSlash(String path) {
            return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        }

        private static boolean isPath(String source) {
            return source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
        }

        private static Map<String, String> keyValues(Object value) {
            Map<String, String> result = new LinkedHashMap<>();
            if (value instanceof List<?> list) {
                for (Object entry : list) {
                    String text = String.valueOf(entry);
                    int eq = text.indexOf('=');
                    if (eq < 0) {
                        result.put(text, null);
                    } else {
                        result.put(text.substring(0, eq), interpolateDefaults(text.substring(eq + 1)));
                    }
                }
            } else {
                Yamls.map(value).forEach((k, v) -> result.put(k, v == null ? null : interpolateDefaults(String.valueOf(v))));
            }
            return result;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
