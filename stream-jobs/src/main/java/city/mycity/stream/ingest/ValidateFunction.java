package city.mycity.stream.ingest;

import city.mycity.reading.Problem;
import city.mycity.reading.Reading;
import city.mycity.reading.ReadingMetrics;
import city.mycity.reading.ReadingValidator;
import city.mycity.reading.Refusal;
import city.mycity.reading.RefusalReason;
import city.mycity.reading.Uplink;
import city.mycity.reading.Validation;
import city.mycity.stream.registry.DeviceRegistry;
import city.mycity.stream.registry.LiveDirectory;
import city.mycity.stream.registry.RegistryRefresh;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates each message: accepted readings go downstream, refusals to {@link #REFUSALS}. Bad input is counted and
 * recorded, never thrown: one broken device must not stop the pipeline. The devices are reloaded while the job runs
 * (see {@link LiveDirectory}), so a device registered after the start is not refused as unknown for long. Counts {@code
 * mycity.readings.received{stage=stream}} and {@code mycity.readings.refused{stage=stream,reason}}.
 */
public class ValidateFunction extends ProcessFunction<Uplink, Reading> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = LoggerFactory.getLogger(ValidateFunction.class);
    public static final String STAGE = "stream";

    /** Where refusals go. */
    public static final OutputTag<RefusalRow> REFUSALS =
            new OutputTag<>("refusals", TypeInformation.of(RefusalRow.class));

    private final DeviceRegistry registry;
    private final RegistryRefresh refresh;
    private transient ReadingValidator validator;
    private transient Counter received;
    private transient Map<RefusalReason, Counter> refused;

    /** Reloads the registry as {@link RegistryRefresh#DEFAULT} says. */
    public ValidateFunction(DeviceRegistry registry) {
        this(registry, RegistryRefresh.DEFAULT);
    }

    public ValidateFunction(DeviceRegistry registry, RegistryRefresh refresh) {
        this.registry = registry;
        this.refresh = refresh;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        validator =
                ReadingValidator.builder(LiveDirectory.open(registry, refresh)).build();
        received = Metrics.globalRegistry.counter(ReadingMetrics.RECEIVED, ReadingMetrics.STAGE, STAGE);
        refused = new EnumMap<>(RefusalReason.class);
        for (RefusalReason reason : RefusalReason.values()) {
            refused.put(
                    reason,
                    Metrics.globalRegistry.counter(
                            ReadingMetrics.REFUSED, ReadingMetrics.STAGE, STAGE, ReadingMetrics.REASON, reason.code()));
        }
    }

    @Override
    public void processElement(Uplink uplink, Context context, Collector<Reading> out) {
        Validation validation = validate(uplink);
        received.increment(validation.readingCount());
        for (Reading reading : validation.accepted()) {
            out.collect(reading);
        }
        for (Refusal refusal : validation.refused()) {
            LOGGER.debug("{} refused: {}", refusal.topic(), refusal.problems());
            refused.get(refusal.primaryReason()).increment();
            context.output(REFUSALS, RefusalRow.of(uplink, refusal));
        }
    }

    private Validation validate(Uplink uplink) {
        try {
            return validator.validate(uplink);
        } catch (RuntimeException e) {
            // The validator promises not to throw; if it does, the message is still accounted for.
            LOGGER.warn("Validator failed on a message on {}", uplink.topic(), e);
            Problem problem = new Problem(RefusalReason.MALFORMED_PAYLOAD, "validator failed: " + e);
            return new Validation(
                    List.of(),
                    List.of(new Refusal(
                            uplink.topic(), null, null, null, null, -1, List.of(problem), uplink.receivedAt(), "")));
        }
    }
}
