package city.mycity.simulator.frames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.citymodel.City;
import city.mycity.citymodel.Sensor;
import city.mycity.codec.ContentFormats;
import city.mycity.codec.DeviceRef;
import city.mycity.codec.PayloadDecoders;
import city.mycity.reading.RefusalReason;
import city.mycity.reading.SenmlCodec;
import city.mycity.simulator.Ledger;
import city.mycity.simulator.RecordingLink;
import city.mycity.simulator.Simulator;
import city.mycity.simulator.TestCity;
import city.mycity.simulator.fault.FaultProfile;
import city.mycity.simulator.transport.DeviceLink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * A fleet that speaks vendor frames, read by the decoders a gateway runs with the fleet's profiles: the gateway accepts
 * exactly the readings the ledger expects and refuses the spoilt frames for the reasons it expects.
 */
class VendorFramesTest {

    private final City city = TestCity.small();

    /** A gateway's decoders behind a link: what it reads and what it refuses, by reason. */
    private final class GatewayLink implements DeviceLink {
        private final PayloadDecoders decoders = PayloadDecoders.withProfiles(VendorProfiles.of(city));
        private final Map<RefusalReason, Long> refused = new EnumMap<>(RefusalReason.class);
        private long readings;
        private long senml;

        @Override
        public synchronized CompletionStage<Void> sendFrame(String tenant, Sensor sensor, byte[] frame) {
            SenmlCodec.Decoded decoded =
                    decoders.decode(new DeviceRef(tenant, sensor.id()), ContentFormats.OCTET_STREAM, frame);
            if (decoded.isOk()) {
                readings += decoded.pack().records().size();
            } else {
                refused.merge(decoded.reason(), 1L, Long::sum);
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public synchronized CompletionStage<Void> send(String tenant, Sensor sensor, byte[] payload) {
            senml++;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean carriesFrames() {
            return true;
        }
    }

    @Test
    void the_gateway_reads_every_sound_frame_and_refuses_every_spoilt_one() {
        GatewayLink gateway = new GatewayLink();
        Simulator simulator = simulator(FaultProfile.builder()
                        .duplicate(0.02)
                        .malformedPayload(0.02)
                        .valueOutOfRange(0.02)
                        .wrongUnit(0.02)
                        .missingTime(0.02)
                        .unknownDevice(0.02)
                        .build())
                .link(gateway)
                .build();

        simulator.runUntil(20_000);
        Ledger ledger = simulator.ledger();

        assertThat(gateway.senml).as("SenML messages").isZero();
        assertThat(gateway.readings).isEqualTo(ledger.validReadings() + ledger.duplicateReadings());
        assertThat(gateway.refused.get(RefusalReason.MALFORMED_PAYLOAD))
                .isEqualTo(ledger.refusals(RefusalReason.MALFORMED_PAYLOAD))
                .isGreaterThan(200);
        assertThat(gateway.refused.get(RefusalReason.UNKNOWN_DEVICE))
                .isEqualTo(ledger.refusals(RefusalReason.UNKNOWN_DEVICE))
                .isPositive();
        assertThat(ledger.refusals(RefusalReason.WRONG_UNIT) + ledger.refusals(RefusalReason.MISSING_TIME))
                .as("faults a frame cannot carry")
                .isZero();
    }

    @Test
    void frames_need_a_link_that_carries_them_to_a_gateway() {
        Simulator.Builder builder = simulator(FaultProfile.none()).link(new RecordingLink());

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CoAP");
    }

    private Simulator.Builder simulator(FaultProfile faults) {
        return Simulator.builder()
                .city(city)
                .seed(5)
                .faults(faults)
                .vendorFrames(VendorProfiles.of(city))
                .messageRate(Double.POSITIVE_INFINITY)
                .meterRegistry(new SimpleMeterRegistry());
    }
}
