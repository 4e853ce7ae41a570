package city.mycity.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.citymodel.GeoPoint;
import city.mycity.citymodel.Sensor;
import city.mycity.reading.ResolvedRecord;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.SenmlRecord;
import city.mycity.reading.SensorKind;
import city.mycity.simulator.transport.DeviceLink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class PacedLinkTest {

    private static final Sensor SENSOR =
            new Sensor("tc-0001", SensorKind.TRAFFIC_COUNTER, "z1", "gw-1", null, null, new GeoPoint(52, -1));
    private static final SenmlPack PACK = SenmlPack.of(
            "town",
            "tc-0001",
            Instant.parse("2025-03-03T05:00:00Z"),
            41,
            List.of(SenmlRecord.measurement("count", 12, "count"), SenmlRecord.measurement("speed", 48, "km/h")));

    /** Records what reaches the link. */
    private static final class Recorder implements DeviceLink {
        final List<byte[]> payloads = new ArrayList<>();
        final List<SenmlPack> packs = new ArrayList<>();
        private final boolean gatewayPacks;

        Recorder(boolean gatewayPacks) {
            this.gatewayPacks = gatewayPacks;
        }

        @Override
        public CompletionStage<Void> send(String tenant, Sensor sensor, byte[] payload) {
            return send(tenant, sensor, payload, null);
        }

        @Override
        public CompletionStage<Void> send(String tenant, Sensor sensor, byte[] payload, SenmlPack pack) {
            payloads.add(payload);
            packs.add(pack);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean packsGateways() {
            return gatewayPacks;
        }
    }

    @Test
    void dates_every_message_now_and_keeps_the_device_sequence_number() throws Exception {
        Recorder recorder = new Recorder(false);
        try (Throttle throttle = new Throttle()) {
            throttle.rate(1_000_000);
            PacedLink link = new PacedLink(recorder, throttle);
            long before = System.currentTimeMillis();

            link.send("town", SENSOR, SenmlCodec.json().encode(PACK), PACK)
                    .toCompletableFuture()
                    .get();

            List<ResolvedRecord> sent =
                    SenmlCodec.json().decode(recorder.payloads.get(0)).pack().resolve();
            assertThat(sent).hasSize(2);
            assertThat(sent).allSatisfy(record -> {
                assertThat(record.time() * 1000).isBetween(before - 1.0, System.currentTimeMillis() + 1.0);
                assertThat(record.sequence()).isEqualTo(41);
            });
            assertThat(recorder.packs.get(0).resolve()).isEqualTo(sent);
            assertThat(link.offered()).isEqualTo(2);
        }
    }

    @Test
    void leaves_the_bytes_to_a_link_that_joins_gateway_packs_itself() throws Exception {
        Recorder recorder = new Recorder(true);
        byte[] payload = SenmlCodec.json().encode(PACK);
        try (Throttle throttle = new Throttle()) {
            throttle.rate(1_000_000);

            new PacedLink(recorder, throttle)
                    .send("town", SENSOR, payload, PACK)
                    .toCompletableFuture()
                    .get();

            assertThat(recorder.payloads.get(0)).isSameAs(payload);
            assertThat(recorder.packs.get(0).records().get(0).baseTime())
                    .isNotEqualTo(PACK.records().get(0).baseTime());
        }
    }

    @Test
    void leaves_a_pack_without_a_base_time_as_it_is() {
        SenmlPack untimed = new SenmlPack(List.of(SenmlRecord.measurement("fill", 40, "%")));

        assertThat(PacedLink.datedNow(untimed, 1_000)).isSameAs(untimed);
    }
}
