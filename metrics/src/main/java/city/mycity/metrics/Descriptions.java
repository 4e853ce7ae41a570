package city.mycity.metrics;

import city.mycity.reading.ReadingMetrics;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.Map;

/**
 * What each of the platform's shared metrics means, as the {@code # HELP} line of the Prometheus format: the meters
 * are created by name wherever they are counted, so a registry that exposes them adds their descriptions.
 */
public final class Descriptions {

    private static final Map<String, String> BY_NAME = Map.ofEntries(
            Map.entry(
                    ReadingMetrics.RECEIVED, "Readings a stage received (a message that cannot be read counts as one)"),
            Map.entry(ReadingMetrics.REFUSED, "Readings refused, by reason and stage"),
            Map.entry(ReadingMetrics.STORED, "Readings stored for the first time"),
            Map.entry(ReadingMetrics.DUPLICATE, "Readings already stored, not stored again"),
            Map.entry(ReadingMetrics.LAG, "From device time to the moment the reading was stored"),
            Map.entry(ReadingMetrics.FORWARDED, "Messages a stage forwarded"),
            Map.entry(
                    ReadingMetrics.FAILED,
                    "Messages or rows a stage could not pass on (the sender retries, or the row"
                            + " was dropped and logged)"),
            Map.entry(ReadingMetrics.HELD, "Readings held because their device is not known yet"),
            Map.entry(ReadingMetrics.RELEASED, "Held readings that the registry made acceptable"),
            Map.entry(ReadingMetrics.EXPIRED, "Held readings refused at the end of their grace period"));

    private Descriptions() {}

    /** A filter that gives the shared meters their descriptions; others pass unchanged. */
    public static MeterFilter filter() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String description = BY_NAME.get(id.getName());
                if (description == null || id.getDescription() != null) {
                    return id;
                }
                return new Meter.Id(
                        id.getName(),
                        io.micrometer.core.instrument.Tags.of(id.getTags()),
                        id.getBaseUnit(),
                        description,
                        id.getType());
            }
        };
    }
}
