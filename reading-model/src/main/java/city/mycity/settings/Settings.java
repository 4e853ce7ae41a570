package city.mycity.settings;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads {@link Setting}s from, in order: values given in code, Java system properties (the key), environment
 * variables ({@link Setting#environmentVariable()}), and the setting's default.
 */
public final class Settings {

    private final Map<String, String> overrides;
    private final Map<String, String> environment;
    private final boolean systemProperties;
    private final Map<String, String> file;

    private Settings(
            Map<String, String> overrides,
            Map<String, String> environment,
            boolean systemProperties,
            Map<String, String> file) {
        this.overrides = Map.copyOf(overrides);
        this.environment = Map.copyOf(environment);
        this.systemProperties = systemProperties;
        this.file = Map.copyOf(file);
    }

    private Settings(Map<String, String> overrides, Map<String, String> environment, boolean systemProperties) {
        this(overrides, environment, systemProperties, Map.of());
    }

    /**
     * These settings over the values of a settings file (keyed by setting key, e.g. {@code mycity.edge.tenant}): a
     * value given in code, as a system property or in the environment wins over the file's.
     */
    public Settings withFile(Map<String, String> fileValues) {
        Map<String, String> merged = new HashMap<>(file);
        merged.putAll(fileValues);
        return new Settings(overrides, environment, systemProperties, merged);
    }

    /** Settings from system properties and the process environment. */
    public static Settings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** Settings from system properties and the given environment variables (for tests and launchers). */
    public static Settings fromEnvironment(Map<String, String> environment) {
        return new Settings(Map.of(), environment, true);
    }

    /** Settings from the given values only, keyed by setting key (for tests and embedding). */
    public static Settings of(Map<String, String> values) {
        return new Settings(values, Map.of(), false);
    }

    /** These settings with some values given in code, which win over everything else. */
    public Settings with(String key, String value) {
        Map<String, String> merged = new HashMap<>(overrides);
        merged.put(key, value);
        return new Settings(merged, environment, systemProperties, file);
    }

    public <T> Optional<T> find(Setting<T> setting) {
        String raw = raw(setting);
        if (raw == null || raw.isBlank()) {
            return Optional.ofNullable(setting.defaultValue());
        }
        try {
            return Optional.of(setting.parser().apply(raw.trim()));
        } catch (RuntimeException e) {
            String where = "Setting " + setting.key() + " (" + setting.environmentVariable() + ") has an invalid value";
            if (setting.secret()) {
                // The parser's message and cause may quote the secret: keep neither.
                throw new IllegalArgumentException(where + " (not shown: it is a secret).");
            }
            throw new IllegalArgumentException(where + " '" + raw + "': " + e.getMessage(), e);
        }
    }

    /** The value, or an {@link IllegalStateException} saying which variable to set. */
    public <T> T get(Setting<T> setting) {
        return find(setting)
                .orElseThrow(() -> new IllegalStateException("Setting " + setting.key() + " is required: set "
                        + setting.environmentVariable() + " (" + setting.doc() + ")"));
    }

    /** Whether a value was given for the setting (a default does not count). */
    public boolean isSet(Setting<?> setting) {
        String raw = raw(setting);
        return raw != null && !raw.isBlank();
    }

    /** One line per setting with its value, secrets masked as {@code *****}. */
    public String describe(List<Setting<?>> settings) {
        return settings.stream()
                .map(s -> s.key() + " = " + shown(s))
                .collect(Collectors.joining(System.lineSeparator()));
    }

    private String shown(Setting<?> setting) {
        if (setting.secret()) {
            return isSet(setting) ? "*****" : "(not set)";
        }
        return find(setting).map(String::valueOf).map(Settings::redact).orElse("(not set)");
    }

    /**
     * The text with the values of any {@code password=}, {@code secret=} or {@code token=} parameter, and of any
     * {@code user:password@} part of a URL, masked as {@code *****}: for printing URLs that may carry credentials.
     */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        return text.replaceAll("(?i)((?:password|secret|token)=)[^&;\\s]*", "$1*****")
                .replaceAll("(://[^/:@\\s]+:)[^/@\\s]+@", "$1*****@");
    }

    private String raw(Setting<?> setting) {
        String value = overrides.get(setting.key());
        if (value == null && systemProperties) {
            value = System.getProperty(setting.key());
        }
        if (value == null) {
            value = environment.get(setting.environmentVariable());
        }
        if (value == null) {
            value = file.get(setting.key());
        }
        return value;
    }

    /**
     * Parses {@code 500ms}, {@code 2s}, {@code 5m}, {@code 1h}, {@code 90d} or an ISO-8601 duration such as {@code
     * PT2S}.
     */
    public static Duration parseDuration(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            // A bare 0 needs no unit: it is how a setting says "off".
            Duration duration = t.equals("0")
                    ? Duration.ZERO
                    : t.startsWith("p") ? Duration.parse(t.toUpperCase(java.util.Locale.ROOT)) : shortForm(t);
            if (duration.isNegative()) {
                throw new IllegalArgumentException("a duration must not be negative");
            }
            return duration;
        } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(
                    "expected a duration like 0, 500ms, 2s, 5m, 1h, 90d or PT2S, but was '" + text + "'", e);
        }
    }

    private static Duration shortForm(String t) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("(\\d{1,18})(ms|s|m|h|d)").matcher(t);
        if (!m.matches()) {
            throw new NumberFormatException("not a number followed by ms, s, m, h or d");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
