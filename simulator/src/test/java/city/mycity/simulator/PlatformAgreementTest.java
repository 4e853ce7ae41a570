package city.mycity.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.citymodel.City;
import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.CityModels;
import city.mycity.citymodel.Sensor;
import city.mycity.reading.DeviceDirectory;
import city.mycity.reading.Problem;
import city.mycity.reading.Reading;
import city.mycity.reading.ReadingValidator;
import city.mycity.reading.Refusal;
import city.mycity.reading.RefusalReason;
import city.mycity.reading.SensorKind;
import city.mycity.reading.Uplink;
import city.mycity.reading.UplinkTopic;
import city.mycity.reading.Validation;
import city.mycity.simulator.fault.FaultProfile;
import city.mycity.simulator.incident.DeviceIncident;
import city.mycity.simulator.transport.DeviceLink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the platform's own validator makes of the simulator's payloads is exactly what the ledger expects. */
class PlatformAgreementTest {

    private static final FaultProfile HEAVY = FaultProfile.builder()
            .stuck(0.05)
            .dropped(0.03)
            .duplicate(0.05)
            .malformedPayload(0.03)
            .valueOutOfRange(0.03)
            .wrongUnit(0.03)
            .unknownDevice(0.03)
            .missingTime(0.03)
            .build();

    private static final City CITY = TestCity.small();
    private static final ReadingValidator VALIDATOR =
            ReadingValidator.builder(DeviceDirectory.of(CITY.devices())).build();

    private static RecordingLink heavyLink;
    private static Ledger heavyLedger;

    @BeforeAll
    static void sendTenThousandMessagesWithManyFaults() {
        heavyLink = new RecordingLink();
        heavyLedger = run(CITY, HEAVY, heavyLink, 10_000);
    }

    @Test
    void every_payload_without_faults_is_accepted_whole() {
        RecordingLink link = new RecordingLink();
        Ledger ledger = run(CITY, FaultProfile.none(), link, 3_000);

        long accepted = 0;
        for (RecordingLink.Sent sent : link.sent()) {
            Validation validation = VALIDATOR.validate(sent.uplink());
            assertThat(validation.refused())
                    .as("refusals of %s", sent.sensor().id())
                    .isEmpty();
            accepted += validation.accepted().size();
        }

        assertThat(accepted).isEqualTo(ledger.validReadings()).isEqualTo(ledger.readingsSent());
        assertThat(ledger.refusals()).isZero();
        assertThat(ledger.duplicateMessages()).isZero();
    }

    @Test
    void the_validator_refuses_exactly_the_readings_the_ledger_expects_for_exactly_its_reasons() {
        RecordingLink link = heavyLink;
        Ledger ledger = heavyLedger;

        Map<RefusalReason, Long> refused = new EnumMap<>(RefusalReason.class);
        Set<String> storedKeys = new HashSet<>();
        long accepted = 0;
        long readings = 0;
        for (RecordingLink.Sent sent : link.sent()) {
            Validation validation = VALIDATOR.validate(sent.uplink());
            readings += validation.readingCount();
            for (Reading reading : validation.accepted()) {
                accepted++;
                storedKeys.add(reading.tenant() + "/" + reading.device() + "/" + reading.quantity() + "/"
                        + reading.time().toEpochMilli());
            }
            for (Refusal refusal : validation.refused()) {
                assertThat(refusal.problems())
                        .as("problems of a refused %s", sent.sensor().id())
                        .extracting(Problem::reason)
                        .containsOnly(refusal.primaryReason());
                refused.merge(refusal.primaryReason(), 1L, Long::sum);
            }
        }

        assertThat(refused).isEqualTo(ledger.refusalsByReason());
        assertThat(refused.keySet())
                .containsExactlyInAnyOrder(
                        RefusalReason.MALFORMED_PAYLOAD,
                        RefusalReason.VALUE_OUT_OF_RANGE,
                        RefusalReason.WRONG_UNIT,
                        RefusalReason.UNKNOWN_DEVICE,
                        RefusalReason.MISSING_TIME);
        assertThat(accepted).isEqualTo(ledger.validReadings() + ledger.duplicateReadings());
        assertThat((long) storedKeys.size()).isEqualTo(ledger.validReadings());
        assertThat(readings).isEqualTo(ledger.readingsSent());
        assertThat((long) link.sent().size()).isEqualTo(ledger.messagesSent());
    }

    @Test
    void duplicates_are_the_same_bytes_and_malformed_payloads_are_all_different() {
        RecordingLink link = heavyLink;
        Ledger ledger = heavyLedger;

        Set<ByteBuffer> distinct = new HashSet<>();
        Set<ByteBuffer> malformed = new HashSet<>();
        for (RecordingLink.Sent sent : link.sent()) {
            ByteBuffer bytes = ByteBuffer.wrap(sent.payload());
            distinct.add(bytes);
            List<Refusal> refusals = VALIDATOR.validate(sent.uplink()).refused();
            if (!refusals.isEmpty() && refusals.get(0).primaryReason() == RefusalReason.MALFORMED_PAYLOAD) {
                malformed.add(bytes);
            }
        }

        assertThat((long) distinct.size()).isEqualTo(ledger.messagesSent() - ledger.duplicateMessages());
        assertThat((long) malformed.size()).isEqualTo(ledger.distinctRefusals(RefusalReason.MALFORMED_PAYLOAD));
    }

    @Test
    void the_generated_town_agrees_with_the_validator_too() {
        CityModel town = CityModels.generated(42);
        ReadingValidator validator =
                ReadingValidator.builder(DeviceDirectory.of(town.devices())).build();
        RecordingLink link = new RecordingLink();
        Ledger ledger = run(town, HEAVY, link, 5_000);

        Map<RefusalReason, Long> refused = new EnumMap<>(RefusalReason.class);
        long accepted = 0;
        for (RecordingLink.Sent sent : link.sent()) {
            Validation validation = validator.validate(sent.uplink());
            accepted += validation.accepted().size();
            validation.refused().forEach(r -> refused.merge(r.primaryReason(), 1L, Long::sum));
        }

        assertThat(refused).isEqualTo(ledger.refusalsByReason());
        assertThat(accepted).isEqualTo(ledger.validReadings() + ledger.duplicateReadings());
    }

    @Test
    void in_gateway_packs_the_validator_accepts_and_refuses_exactly_the_readings_the_ledger_expects() {
        Map<RefusalReason, Long> refused = new EnumMap<>(RefusalReason.class);
        Map<RefusalReason, Set<String>> distinctRefusals = new EnumMap<>(RefusalReason.class);
        Set<String> storedKeys = new HashSet<>();
        long accepted = 0;
        long readings = 0;
        long packs = 0;
        long alone = 0;
        Ledger ledger;
        try (RecordingPackLink link = new RecordingPackLink(100)) {
            ledger = run(CITY, HEAVY, link, 10_000);
            for (Uplink uplink : link.uplinks()) {
                boolean gatewayPack =
                        UplinkTopic.origin(uplink.topic()).orElseThrow().isGatewayPack();
                Validation validation = VALIDATOR.validate(uplink);
                readings += validation.readingCount();
                for (Reading reading : validation.accepted()) {
                    accepted++;
                    storedKeys.add(reading.device() + "/" + reading.quantity() + "/"
                            + reading.time().toEpochMilli());
                }
                for (Refusal refusal : validation.refused()) {
                    refused.merge(refusal.primaryReason(), 1L, Long::sum);
                    // What a refusal store keyed on the bytes received and the record's place holds.
                    distinctRefusals
                            .computeIfAbsent(refusal.primaryReason(), r -> new HashSet<>())
                            .add(uplink.topic() + " " + Base64.getEncoder().encodeToString(uplink.payload()) + " "
                                    + refusal.recordIndex());
                }
                if (gatewayPack) {
                    packs++;
                } else {
                    alone++;
                    assertThat(validation.refused())
                            .as("a message sent alone")
                            .singleElement()
                            .extracting(Refusal::primaryReason)
                            .isEqualTo(RefusalReason.MALFORMED_PAYLOAD);
                }
            }
        }

        assertThat(refused).isEqualTo(ledger.refusalsByReason());
        assertThat(refused).containsKey(RefusalReason.UNKNOWN_DEVICE);
        for (RefusalReason reason : refused.keySet()) {
            assertThat((long) distinctRefusals.get(reason).size())
                    .as("distinct refusals for %s", reason)
                    .isEqualTo(ledger.distinctRefusals(reason));
        }
        assertThat(accepted).isEqualTo(ledger.validReadings() + ledger.duplicateReadings());
        assertThat((long) storedKeys.size()).isEqualTo(ledger.validReadings());
        assertThat(readings).isEqualTo(ledger.readingsSent());
        assertThat(alone).isEqualTo(ledger.refusals(RefusalReason.MALFORMED_PAYLOAD));
        assertThat(packs).isPositive().isLessThan((ledger.messagesSent() - alone) / 10);
    }

    @Test
    void a_broken_probe_sends_one_value_out_of_range_in_each_message_while_it_is_broken_and_the_ledger_knows() {
        Sensor water = CITY.sensors().stream()
                .filter(sensor -> sensor.kind() == SensorKind.WATER)
                .findFirst()
                .orElseThrow();
        Instant start = Instant.parse("2025-03-03T00:00:00Z");
        long from = start.plus(Duration.ofHours(1)).toEpochMilli();
        long until = start.plus(Duration.ofHours(2)).toEpochMilli();
        RecordingLink link = new RecordingLink();
        Simulator simulator = Simulator.builder()
                .city(CITY)
                .faults(FaultProfile.none())
                .start(start)
                .messageRate(Double.POSITIVE_INFINITY)
                .meterRegistry(new SimpleMeterRegistry())
                .deviceIncidents(
                        List.of(new DeviceIncident(water.id(), DeviceIncident.Kind.OUT_OF_RANGE, from, until, 1)))
                .tallyPerDevice(true)
                .link(link)
                .build();
        simulator.runFor(Duration.ofHours(3));

        long refusedWhileBroken = 0;
        long refusedOtherwise = 0;
        long refused = 0;
        DeviceTally accepted = DeviceTally.NONE;
        for (RecordingLink.Sent sent : link.sent()) {
            Validation validation = VALIDATOR.validate(sent.uplink());
            refused += validation.refused().size();
            if (sent.sensor().id().equals(water.id())) {
                for (Reading reading : validation.accepted()) {
                    accepted = accepted.plus(reading.time().toEpochMilli(), reading.value());
                }
            }
            if (!sent.sensor().id().equals(water.id())) {
                refusedOtherwise += validation.refused().size();
                continue;
            }
            long time = validation.accepted().get(0).time().toEpochMilli();
            boolean broken = time >= from && time < until;
            assertThat(validation.refused())
                    .as("at %s", Instant.ofEpochMilli(time))
                    .hasSize(broken ? 1 : 0)
                    .allSatisfy(r -> {
                        assertThat(r.primaryReason()).isEqualTo(RefusalReason.VALUE_OUT_OF_RANGE);
                        assertThat(r.time()).isEqualTo(Instant.ofEpochMilli(time));
                    });
            refusedWhileBroken += validation.refused().size();
        }

        assertThat(refusedWhileBroken).as("an hour of 5-minute messages").isBetween(11L, 13L);
        assertThat(refusedOtherwise).isZero();
        assertThat(simulator.ledger().refusals()).isEqualTo(refused);
        assertThat(simulator.ledger().tallies().get(CITY.tenant() + "/" + water.id()))
                .as("the broken probe's valid readings, its spoilt messages' included")
                .isEqualTo(accepted);
    }

    private static Ledger run(CityModel city, FaultProfile faults, DeviceLink link, int messages) {
        Simulator simulator = Simulator.builder()
                .city(city)
                .faults(faults)
                .messageRate(Double.POSITIVE_INFINITY)
                .meterRegistry(new SimpleMeterRegistry())
                .link(link)
                .build();
        simulator.runUntil(messages);
        return simulator.ledger();
    }
}
