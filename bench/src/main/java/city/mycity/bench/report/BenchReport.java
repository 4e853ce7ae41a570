package city.mycity.bench.report;

import city.mycity.bench.MessageForm;
import city.mycity.bench.ceiling.BrokerFigures;
import city.mycity.bench.ceiling.DatabaseFigures;
import city.mycity.bench.pipeline.FormResult;
import city.mycity.bench.services.BrokerEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one bench run measured, and where.
 *
 * @param command the command line, as the reader would type it
 * @param settings what differs from the defaults (quick, holds), in words
 * @param brokerKind which broker it was (the report's section in {@code docs/benchmarks.md})
 * @param loadBefore the load average when the run began ("1.2 / 0.9 / 0.7")
 * @param loadAfter the load average when it ended
 * @param brokerCeilings per message form
 */
public record BenchReport(
        String command,
        String settings,
        Instant started,
        Duration took,
        MachineFacts machine,
        BrokerEndpoint.Kind brokerKind,
        String broker,
        String database,
        String loadBefore,
        String loadAfter,
        DatabaseFigures databaseCeiling,
        Map<MessageForm, BrokerFigures> brokerCeilings,
        List<FormResult> pipeline) {

    public BenchReport {
        brokerCeilings = Map.copyOf(brokerCeilings);
        pipeline = List.copyOf(pipeline);
    }

    /** The lower of the database's COPY ceiling and the broker's ceiling in this form, readings/s, and which it is. */
    public Optional<Ceiling> lowerCeiling(MessageForm form) {
        BrokerFigures broker = brokerCeilings.get(form);
        if (databaseCeiling == null && broker == null) {
            return Optional.empty();
        }
        if (broker == null || (databaseCeiling != null && databaseCeiling.copy() <= broker.readingsPerSecond())) {
            return Optional.of(new Ceiling("database", databaseCeiling.copy()));
        }
        return Optional.of(new Ceiling("broker", broker.readingsPerSecond()));
    }

    /** A ceiling in readings/s and what sets it ("database" or "broker"). */
    public record Ceiling(String what, double readingsPerSecond) {}
}
