package city.mycity.stream.ingest;

import static city.mycity.stream.TestCity.T0;
import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.reading.DeviceInfo;
import city.mycity.reading.Reading;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.SenmlRecord;
import city.mycity.reading.Uplink;
import city.mycity.reading.UplinkTopic;
import city.mycity.stream.TestCity;
import city.mycity.stream.registry.RegistryRefresh;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistryWaitTest {

    /** What the registry holds now; static, so that the functions' registry stays serializable. */
    private static final List<DeviceInfo> REGISTERED = new CopyOnWriteArrayList<>();

    private static final RegistryHold HOLD = new RegistryHold(Duration.ofSeconds(60), Duration.ofSeconds(10), 3);
    private static final RegistryRefresh RELOAD_ON_EVERY_MISS = new RegistryRefresh(Duration.ofHours(1), Duration.ZERO);

    private OneInputStreamOperatorTestHarness<Uplink, Reading> validate;
    private KeyedOneInputStreamOperatorTestHarness<String, HeldUplink, Reading> wait;

    @BeforeEach
    void open() throws Exception {
        REGISTERED.clear();
        REGISTERED.addAll(TestCity.DEVICES);
        validate = ProcessFunctionTestHarnesses.forProcessFunction(
                new ValidateFunction(() -> List.copyOf(REGISTERED), RELOAD_ON_EVERY_MISS, HOLD));
        wait = waitHarness();
        wait.open();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, HeldUplink, Reading> waitHarness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new RegistryWait(() -> List.copyOf(REGISTERED), RELOAD_ON_EVERY_MISS, HOLD)),
                HeldUplink::topic,
                Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        validate.close();
        wait.close();
    }

    @Test
    void a_reading_of_a_device_registered_moments_later_is_held_and_then_released() throws Exception {
        hold(TestCity.uplink("bin-00002", "fill", 40, "%", T0, 1), 0);
        assertThat(wait.extractOutputValues()).isEmpty();

        register("bin-00002");
        wait.setProcessingTime(10_000);

        assertThat(wait.extractOutputValues()).singleElement().satisfies(r -> assertThat(r.device())
                .isEqualTo("bin-00002"));
        assertThat(refusals()).isEmpty();
    }

    @Test
    void a_reading_still_unknown_after_the_grace_is_refused_with_the_whole_message() throws Exception {
        Uplink uplink = TestCity.uplink("bin-00002", "fill", 40, "%", T0, 1);
        hold(uplink, 0);

        wait.setProcessingTime(50_000);
        assertThat(refusals()).isEmpty();
        wait.setProcessingTime(60_000);

        assertThat(refusals()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo("unknown_device");
            assertThat(r.payload()).isEqualTo(uplink.payload());
        });
        assertThat(wait.extractOutputValues()).isEmpty();
    }

    @Test
    void only_the_unknown_records_of_a_gateway_pack_are_held_and_released() throws Exception {
        SenmlPack pack = SenmlPack.join(List.of(
                SenmlPack.of(TestCity.TENANT, "bin-00001", T0, 1, List.of(SenmlRecord.measurement("fill", 10, "%"))),
                SenmlPack.of(TestCity.TENANT, "bin-00002", T0, 1, List.of(SenmlRecord.measurement("fill", 20, "%")))));
        Uplink uplink = new Uplink(
                UplinkTopic.ofGateway(TestCity.TENANT, TestCity.GATEWAY),
                SenmlCodec.json().encode(pack),
                T0);

        validate.processElement(uplink, 0);
        assertThat(validate.extractOutputValues()).extracting(Reading::device).containsExactly("bin-00001");
        HeldUplink held = validate.getSideOutput(ValidateFunction.AWAITING_REGISTRY)
                .poll()
                .getValue();
        assertThat(held.records()).containsExactly(1);

        wait.processElement(held, 0);
        register("bin-00002");
        wait.setProcessingTime(10_000);

        assertThat(wait.extractOutputValues()).extracting(Reading::device).containsExactly("bin-00002");
    }

    @Test
    void a_topic_holds_a_bounded_number_of_messages_and_refuses_the_rest_at_once() throws Exception {
        for (int seq = 1; seq <= 5; seq++) {
            hold(TestCity.uplink("bin-00002", "fill", 40, "%", T0.plusSeconds(seq), seq), 0);
        }

        assertThat(refusals()).extracting(RefusalRow::reason).containsExactly("unknown_device", "unknown_device");
    }

    @Test
    void held_readings_survive_a_restore_from_a_snapshot() throws Exception {
        hold(TestCity.uplink("bin-00002", "fill", 40, "%", T0, 1), 0);
        var snapshot = wait.snapshot(1, 1);
        wait.close();

        wait = waitHarness();
        wait.initializeState(snapshot);
        wait.open();
        register("bin-00002");
        wait.setProcessingTime(10_000);

        assertThat(wait.extractOutputValues()).extracting(Reading::device).containsExactly("bin-00002");
    }

    /** Validates the uplink and hands what awaits the registry to the wait, at this processing time. */
    private void hold(Uplink uplink, long now) throws Exception {
        validate.setProcessingTime(now);
        validate.processElement(uplink, 0);
        assertThat(validate.extractOutputValues()).isEmpty();
        assertThat(validate.getSideOutput(ValidateFunction.REFUSALS)).isNullOrEmpty();
        StreamRecord<HeldUplink> held =
                validate.getSideOutput(ValidateFunction.AWAITING_REGISTRY).poll();
        wait.setProcessingTime(now);
        wait.processElement(held.getValue(), 0);
    }

    private List<RefusalRow> refusals() {
        List<RefusalRow> rows = new ArrayList<>();
        var side = wait.getSideOutput(ValidateFunction.REFUSALS);
        if (side != null) {
            side.forEach(r -> rows.add(r.getValue()));
        }
        return rows;
    }

    private static void register(String bin) {
        REGISTERED.add(new DeviceInfo(TestCity.TENANT, bin, TestCity.GATEWAY, "bin", TestCity.ZONE, null, 50, 4));
    }
}
