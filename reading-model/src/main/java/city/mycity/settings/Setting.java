package city.mycity.settings;

import java.util.Objects;
import java.util.function.Function;

/**
 * One documented setting: its key, what it means, its default and how to read it. The environment variable is the
 * key in upper case with dots and dashes as underscores: {@code mycity.mqtt.url} is {@code MYCITY_MQTT_URL}.
 *
 * @param defaultValue the value when nothing is set, or {@code null} when the absence means something (e.g. "start
 *     an embedded broker")
 * @param secret whether the value must never be printed
 */
public record Setting<T>(
        String key, String doc, T defaultValue, String unit, boolean secret, Function<String, T> parser) {

    public Setting {
        Objects.requireNonNull(key, "Setting key must not be null.");
        Objects.requireNonNull(doc, "Setting doc must not be null.");
        Objects.requireNonNull(parser, "Setting parser must not be null.");
    }

    public static Setting<String> string(String key, String doc, String defaultValue) {
        return new Setting<>(key, doc, defaultValue, null, false, s -> s);
    }

    public static Setting<String> secret(String key, String doc) {
        return new Setting<>(key, doc, null, null, true, s -> s);
    }

    public static Setting<Integer> integer(String key, String doc, Integer defaultValue, String unit) {
        return new Setting<>(key, doc, defaultValue, unit, false, Integer::valueOf);
    }

    public static Setting<Long> longValue(String key, String doc, Long defaultValue, String unit) {
        return new Setting<>(key, doc, defaultValue, unit, false, Long::valueOf);
    }

    public static Setting<Double> decimal(String key, String doc, Double defaultValue, String unit) {
        return new Setting<>(key, doc, defaultValue, unit, false, Double::valueOf);
    }

    public static Setting<java.time.Duration> duration(String key, String doc, java.time.Duration defaultValue) {
        return new Setting<>(key, doc, defaultValue, "ISO-8601 or 500ms/2s/5m", false, Settings::parseDuration);
    }

    public String environmentVariable() {
        return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
