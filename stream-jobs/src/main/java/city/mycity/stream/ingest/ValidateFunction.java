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
import java.util.ArrayList;
import java.util.List;
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
 * (see {@link LiveDirectory}); a message refused only because its device is not known yet, or not behind that
 * gateway (see {@link Refusal#awaitsRegistry()}), goes to {@link #AWAITING_REGISTRY} instead, to be held by {@link
 * RegistryWait} and checked again, unless the {@link RegistryHold} holds nothing. Counts {@code
 * mycity.readings.received{stage=stream}}, {@code mycity.readings.refused{stage=stream,reason}} and {@code
 * mycity.readings.held}.
 */
public class ValidateFunction extends ProcessFunction<Uplink, Reading> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = LoggerFactory.getLogger(ValidateFunction.class);
    public static final String STAGE = "stream";

    /** Where refusals go. */
    public static final OutputTag<RefusalRow> REFUSALS =
            new OutputTag<>("refusals", TypeInformation.of(RefusalRow.class));

    /** Where messages (or records of them) that await the registry go, to be held. */
    public static final OutputTag<HeldUplink> AWAITING_REGISTRY =
            new OutputTag<>("awaiting-registry", TypeInformation.of(HeldUplink.class));

    private final DeviceRegistry registry;
    private final RegistryRefresh refresh;
    private final RegistryHold hold;
    private final String stage;
    private transient ReadingValidator validator;
    private transient Counter received;
    private transient Counter held;
    private transient RefusalCounters refused;

    /** Reloads the registry as {@link RegistryRefresh#DEFAULT} says and holds nothing: unknown devices are refused. */
    public ValidateFunction(DeviceRegistry registry) {
        this(registry, RegistryRefresh.DEFAULT, RegistryHold.none());
    }

    public ValidateFunction(DeviceRegistry registry, RegistryRefresh refresh, RegistryHold hold) {
        this(registry, refresh, hold, STAGE);
    }

    /**
     * @param stage the stage its metrics count under: {@value #STAGE} for the job that stores readings, the domain's
     *     name for an analytics job that validates the same messages again for itself
     */
    public ValidateFunction(DeviceRegistry registry, RegistryRefresh refresh, RegistryHold hold, String stage) {
        this.registry = registry;
        this.refresh = refresh;
        this.hold = hold;
        this.stage = stage;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        validator =
                ReadingValidator.builder(LiveDirectory.open(registry, refresh)).build();
        received = Metrics.globalRegistry.counter(ReadingMetrics.RECEIVED, ReadingMetrics.STAGE, stage);
        held = Metrics.globalRegistry.counter(ReadingMetrics.HELD);
        refused = new RefusalCounters(stage);
    }

    @Override
    public void processElement(Uplink uplink, Context context, Collector<Reading> out) {
        Validation validation = validate(uplink);
        received.increment(validation.readingCount());
        for (Reading reading : validation.accepted()) {
            out.collect(reading);
        }
        List<Integer> awaiting = new ArrayList<>();
        boolean whole = false;
        byte[] digest = null;
        for (Refusal refusal : validation.refused()) {
            if (holding() && refusal.awaitsRegistry()) {
                awaiting.add(refusal.recordIndex());
                whole |= refusal.recordIndex() < 0;
                continue;
            }
            LOGGER.debug("{} refused: {}", refusal.topic(), refusal.problems());
            refused.count(refusal);
            digest = digest == null ? RefusalRow.digest(uplink) : digest;
            context.output(REFUSALS, RefusalRow.of(uplink, refusal, digest));
        }
        if (!awaiting.isEmpty()) {
            int[] records = whole
                    ? new int[0]
                    : awaiting.stream().mapToInt(Integer::intValue).sorted().toArray();
            HeldUplink message = new HeldUplink(
                    uplink.topic(),
                    uplink.payload(),
                    uplink.receivedAt(),
                    records,
                    context.timerService().currentProcessingTime());
            held.increment(message.readingCount());
            context.output(AWAITING_REGISTRY, message);
        }
    }

    private boolean holding() {
        return hold.maxHeldPerTopic() > 0 && !hold.grace().isZero();
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
                            uplink.topic(),
                            null,
                            null,
                            null,
                            null,
                            -1,
                            List.of(problem),
                            uplink.receivedAt(),
                            "",
                            null)));
        }
    }
}
