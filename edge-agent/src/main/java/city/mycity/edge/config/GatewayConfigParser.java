package city.mycity.edge.config;

import city.mycity.reading.Identifiers;
import city.mycity.reading.Quantity;
import city.mycity.reading.SensorKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads and checks a configuration, JSON of this shape:
 *
 * <pre>{@code
 * {"version": 3,
 *  "sensors": {"interval": "PT5M"},
 *  "kinds":   {"bin": {"interval": "PT15M", "thresholds": {"fill": 80}}},
 *  "devices": {"bin-00017": {"interval": "PT1M"}}}
 * }</pre>
 *
 * Intervals are ISO-8601 durations from {@value #MIN_INTERVAL_SECONDS} s to a day; a threshold names a quantity of
 * the sensor's kind and lies within that quantity's range. Anything else, unknown fields included, is refused with
 * the reason.
 */
public final class GatewayConfigParser {

    static final long MIN_INTERVAL_SECONDS = 10;
    static final Duration MAX_INTERVAL = Duration.ofDays(1);
    private static final Set<String> ROOT_FIELDS = Set.of("version", "sensors", "kinds", "devices");
    private static final Set<String> ENTRY_FIELDS = Set.of("interval", "thresholds");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, Optional<SensorKind>> kindOf;
    private final Set<String> devices;

    /**
     * @param kindOf a device's kind, when the gateway knows it (from its profile)
     * @param devices the gateway's sensors, to refuse entries for others; empty: any device
     */
    public GatewayConfigParser(Function<String, Optional<SensorKind>> kindOf, Set<String> devices) {
        this.kindOf = kindOf;
        this.devices = Set.copyOf(devices);
    }

    /** The configuration in {@code json}; refused ({@link ConfigRefusedException}) with the first problem found. */
    public GatewayConfig parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigRefusedException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigRefusedException("unreadable: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ConfigRefusedException("a configuration is a JSON object");
        }
        checkFields(root, ROOT_FIELDS, "the configuration");
        JsonNode version = root.get("version");
        if (version == null || !version.canConvertToExactIntegral() || version.asLong() < 1) {
            throw new ConfigRefusedException("'version' must be a whole number from 1");
        }
        SensorOverride every = root.has("sensors") ? entry(root.get("sensors"), "sensors", allKinds()) : null;
        Map<String, SensorOverride> byKind = new HashMap<>();
        for (Map.Entry<String, JsonNode> kind : fields(root, "kinds")) {
            SensorKind known = SensorKind.fromCode(kind.getKey())
                    .orElseThrow(() -> new ConfigRefusedException("kinds: '" + kind.getKey()
                            + "' is not a sensor kind (one of "
                            + Arrays.stream(SensorKind.values())
                                    .map(SensorKind::code)
                                    .toList() + ")"));
            byKind.put(kind.getKey(), entry(kind.getValue(), "kinds." + kind.getKey(), new SensorKind[] {known}));
        }
        Map<String, SensorOverride> byDevice = new HashMap<>();
        for (Map.Entry<String, JsonNode> device : fields(root, "devices")) {
            String id = device.getKey();
            if (!Identifiers.isValid(id)) {
                throw new ConfigRefusedException("devices: '" + id + "' is not a valid device id");
            }
            if (!devices.isEmpty() && !devices.contains(id)) {
                throw new ConfigRefusedException("devices: '" + id + "' is not one of this gateway's sensors");
            }
            SensorKind[] kinds = kindOf.apply(id).map(k -> new SensorKind[] {k}).orElse(allKinds());
            byDevice.put(id, entry(device.getValue(), "devices." + id, kinds));
        }
        return new GatewayConfig(version.asLong(), every, byKind, byDevice);
    }

    private static SensorKind[] allKinds() {
        return SensorKind.values();
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode root, String name) {
        JsonNode node = root.get(name);
        if (node == null) {
            return java.util.List.of();
        }
        if (!node.isObject()) {
            throw new ConfigRefusedException("'" + name + "' must be an object");
        }
        return node::fields;
    }

    private static SensorOverride entry(JsonNode node, String where, SensorKind[] kinds) {
        if (!node.isObject()) {
            throw new ConfigRefusedException(where + " must be an object");
        }
        checkFields(node, ENTRY_FIELDS, where);
        Duration interval = node.has("interval") ? interval(node.get("interval"), where) : null;
        Map<String, Double> thresholds = new HashMap<>();
        JsonNode given = node.get("thresholds");
        if (given != null) {
            if (!given.isObject()) {
                throw new ConfigRefusedException(where + ".thresholds must be an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> threshold = it.next();
                thresholds.put(threshold.getKey(), threshold(threshold, where, kinds));
            }
        }
        return new SensorOverride(interval, thresholds);
    }

    private static Duration interval(JsonNode node, String where) {
        Duration interval;
        try {
            interval = node.isTextual() ? Duration.parse(node.asText()) : null;
        } catch (DateTimeParseException e) {
            interval = null;
        }
        if (interval == null) {
            throw new ConfigRefusedException(
                    where + ".interval must be an ISO-8601 duration such as \"PT15M\", not " + node);
        }
        if (interval.getSeconds() < MIN_INTERVAL_SECONDS || interval.compareTo(MAX_INTERVAL) > 0) {
            throw new ConfigRefusedException(
                    where + ".interval must be from " + MIN_INTERVAL_SECONDS + " s to a day, not " + node.asText());
        }
        return interval;
    }

    private static double threshold(Map.Entry<String, JsonNode> threshold, String where, SensorKind[] kinds) {
        String name = threshold.getKey();
        String path = where + ".thresholds." + name;
        Quantity quantity = Stream.of(kinds)
                .map(kind -> kind.quantity(name))
                .flatMap(Optional::stream)
                .findFirst()
                .orElseThrow(() -> new ConfigRefusedException(path + ": '" + name + "' is not a quantity of "
                        + (kinds.length == 1 ? "a " + kinds[0].code() + " sensor" : "any sensor kind")));
        JsonNode value = threshold.getValue();
        if (!value.isNumber() || !quantity.accepts(value.asDouble())) {
            throw new ConfigRefusedException(path + " must be a number from " + quantity.min() + " to " + quantity.max()
                    + " " + quantity.unit() + ", not " + value);
        }
        return value.asDouble();
    }

    private static void checkFields(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new ConfigRefusedException(where + " has an unknown field '" + name + "' (known: "
                        + new java.util.TreeSet<>(allowed) + ")");
            }
        }
    }
}
