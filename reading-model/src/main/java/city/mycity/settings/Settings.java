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

    private Settings(Map<String, String> overrides, Map<String, String> environment) {
        this.overrides = Map.copyOf(overrides);
        this.environment = Map.copyOf(environment);
    }

    /** Settings from system properties and the process environment. */
    public static Settings fromEnvironment() {
        return new Settings(Map.of(), System.getenv());
    }

    /** Settings from the given values only (for tests and embedding). */
    public static Settings of(Map<String, String> values) {
        return new Settings(values, Map.of());
    }

    /** These settings with some values given in code, which win over everything else. */
    public Settings with(String key, String value) {
        Map<String, String> merged = new HashMap<>(overrides);
        merged.put(key, value);
        return new Settings(merged, environment);
    }

    public <T> Optional<T> find(Setting<T> setting) {
        String raw = raw(setting);
        if (raw == null || raw.isBlank()) {
            return Optional.ofNullable(setting.defaultValue());
        }
        try {
            return Optional.of(setting.parser().apply(raw.trim()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "Setting " + setting.key() + " (" + setting.environmentVariable() + ") has an invalid value"
                            + (setting.secret() ? "" : " '" + raw + "'") + ": " + e.getMessage(),
                    e);
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
        return find(setting).map(String::valueOf).orElse("(not set)");
    }

    private String raw(Setting<?> setting) {
        String value = overrides.get(setting.key());
        if (value == null) {
            value = System.getProperty(setting.key());
        }
        if (value == null) {
            value = environment.get(setting.environmentVariable());
        }
        return value;
    }

    /** Parses {@code 500ms}, {@code 2s}, {@code 5m}, {@code 1h} or an ISO-8601 duration such as {@code PT2S}. */
    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("p")) {
            return Duration.parse(text.trim().toUpperCase(java.util.Locale.ROOT));
        }
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        long amount = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("expected a duration like 500ms, 2s, 5m or PT2S");
        };
    }
}
