package city.mycity.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReadingValidatorTest {

    private static final String TENANT = "demo-town";
    private static final String GATEWAY = "gw-z-a1";
    private static final Instant RECEIVED = Instant.parse("2025-06-01T12:00:00Z");
    private static final Instant MEASURED = RECEIVED.minusSeconds(10);
    private static final long BT = MEASURED.getEpochSecond();

    private static DeviceInfo device(String id, String gateway, String kind) {
        return new DeviceInfo(TENANT, id, gateway, kind, "z-a1", null, 43.73, 7.42);
    }

    private final ReadingValidator validator = ReadingValidator.builder(DeviceDirectory.of(List.of(
                    device("bay-00001", GATEWAY, "parking-bay"),
                    device("tc-0001", GATEWAY, "traffic-counter"),
                    device("bin-00001", GATEWAY, "bin"),
                    device("ws-0001", GATEWAY, "water"),
                    device("lamp-0001", GATEWAY, "street-lamp"),
                    device("bay-00002", "gw-z-b2", "parking-bay"))))
            .maxPayloadBytes(2048)
            .maxRecords(4)
            .maxFutureSkew(Duration.ofMinutes(5))
            .build();

    private static String topic(String device) {
        return UplinkTopic.of(new DeviceAddress(TENANT, GATEWAY, device));
    }

    private static String bn(String device) {
        return SenmlPack.baseNameOf(TENANT, device);
    }

    private Validation validate(String topic, String json) {
        return validator.validate(new Uplink(topic, json.getBytes(StandardCharsets.UTF_8), RECEIVED));
    }

    private Validation validate(String device, String records, Object... args) {
        return validate(topic(device), String.format(records, args));
    }

    /** A one-record pack for the device: {@code [{"bn":…,"bt":…,"seq":5,<fields>}]}. */
    private Validation one(String device, String fields) {
        return validate(topic(device), "[{\"bn\":\"" + bn(device) + "\",\"bt\":" + BT + ",\"seq\":5," + fields + "}]");
    }

    private static List<RefusalReason> reasons(Validation validation) {
        assertThat(validation.refused()).hasSize(1);
        return validation.refused().get(0).problems().stream()
                .map(Problem::reason)
                .toList();
    }

    // Good packs of each kind

    @Test
    void accepts_a_parking_bay_reading_with_every_field_filled_in() {
        Validation validation = one("bay-00001", "\"n\":\"occupied\",\"u\":\"/\",\"v\":1");

        assertThat(validation.refused()).isEmpty();
        assertThat(validation.accepted())
                .containsExactly(new Reading(
                        TENANT,
                        GATEWAY,
                        "bay-00001",
                        SensorKind.PARKING_BAY,
                        "occupied",
                        1,
                        "/",
                        MEASURED,
                        5,
                        RECEIVED));
    }

    @Test
    void accepts_a_traffic_counter_pack_with_count_and_speed() {
        Validation validation = validate(
                "tc-0001",
                "[{\"bn\":\"%s\",\"bt\":%d.25,\"seq\":9,\"n\":\"count\",\"u\":\"count\",\"v\":17},"
                        + "{\"n\":\"speed\",\"u\":\"km/h\",\"v\":48.5}]",
                bn("tc-0001"),
                BT);

        assertThat(validation.refused()).isEmpty();
        assertThat(validation.accepted())
                .extracting(Reading::kind, Reading::quantity, Reading::value, Reading::unit, Reading::sequence)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SensorKind.TRAFFIC_COUNTER, "count", 17.0, "count", 9L),
                        org.assertj.core.groups.Tuple.tuple(SensorKind.TRAFFIC_COUNTER, "speed", 48.5, "km/h", 9L));
        assertThat(validation.accepted()).extracting(Reading::time).containsOnly(MEASURED.plusMillis(250));
    }

    @Test
    void accepts_a_bin_pack_with_a_record_dated_relative_to_the_base_time() {
        Validation validation = validate(
                "bin-00001",
                "[{\"bn\":\"%s\",\"bt\":%d,\"n\":\"fill\",\"u\":\"%%\",\"v\":62.5},"
                        + "{\"n\":\"temperature\",\"u\":\"Cel\",\"t\":-60,\"v\":-3.5}]",
                bn("bin-00001"),
                BT);

        assertThat(validation.accepted())
                .extracting(Reading::kind, Reading::quantity, Reading::value, Reading::time, Reading::sequence)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SensorKind.BIN, "fill", 62.5, MEASURED, -1L),
                        org.assertj.core.groups.Tuple.tuple(
                                SensorKind.BIN, "temperature", -3.5, MEASURED.minusSeconds(60), -1L));
    }

    @Test
    void accepts_a_water_pack_with_a_base_unit_and_base_value() {
        Validation validation = validate(
                "ws-0001",
                "[{\"bn\":\"%s\",\"bt\":%d,\"bu\":\"l/min\",\"bv\":100,\"n\":\"flow\",\"v\":20.5},"
                        + "{\"n\":\"pressure\",\"u\":\"bar\",\"v\":-96.5}]",
                bn("ws-0001"),
                BT);

        assertThat(validation.refused()).isEmpty();
        assertThat(validation.accepted())
                .extracting(Reading::kind, Reading::quantity, Reading::value, Reading::unit)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SensorKind.WATER, "flow", 120.5, "l/min"),
                        org.assertj.core.groups.Tuple.tuple(SensorKind.WATER, "pressure", 3.5, "bar"));
    }

    @Test
    void accepts_a_reading_dated_within_the_allowed_clock_skew() {
        Validation validation = validate(
                "bay-00001",
                "[{\"bn\":\"%s\",\"bt\":%d,\"n\":\"occupied\",\"u\":\"/\",\"v\":0}]",
                bn("bay-00001"),
                RECEIVED.plusSeconds(299).getEpochSecond());

        assertThat(validation.accepted()).hasSize(1);
    }

    // Message problems: the whole message is one refused reading

    @Test
    void refuses_a_payload_that_is_not_json_as_one_malformed_reading() {
        Validation validation = validate(topic("bay-00001"), "occupied=1");

        assertThat(reasons(validation)).containsExactly(RefusalReason.MALFORMED_PAYLOAD);
        Refusal refusal = validation.refused().get(0);
        assertThat(refusal.recordIndex()).isEqualTo(-1);
        assertThat(refusal.quantity()).isNull();
        assertThat(refusal.device()).isEqualTo("bay-00001");
        assertThat(refusal.gateway()).isEqualTo(GATEWAY);
        assertThat(refusal.excerpt()).isEqualTo("occupied=1");
        assertThat(refusal.receivedAt()).isEqualTo(RECEIVED);
    }

    @Test
    void refuses_a_field_of_the_wrong_json_type() {
        Validation validation = one("bay-00001", "\"n\":\"occupied\",\"u\":\"/\",\"v\":\"1\"");

        assertThat(reasons(validation)).containsExactly(RefusalReason.WRONG_TYPE);
        assertThat(validation.refused().get(0).problems().get(0).detail()).contains("'v'");
    }

    @Test
    void refuses_an_oversized_payload_without_reading_it() {
        String padding = "x".repeat(3000);
        Validation validation = one("bay-00001", "\"n\":\"occupied\",\"u\":\"/\",\"v\":1,\"pad\":\"" + padding + "\"");

        assertThat(reasons(validation)).containsExactly(RefusalReason.OVERSIZED);
        assertThat(validation.refused().get(0).problems().get(0).detail()).contains("2048");
        assertThat(validation.refused().get(0).excerpt()).hasSizeLessThanOrEqualTo(200);
    }

    @Test
    void refuses_a_pack_with_too_many_records_as_one_oversized_reading() {
        Validation validation = validate(
                "bay-00001",
                "[{\"bn\":\"%s\",\"bt\":%d,\"n\":\"occupied\",\"u\":\"/\",\"v\":1}"
                        + ",{\"n\":\"occupied\",\"u\":\"/\",\"v\":1}".repeat(4) + "]",
                bn("bay-00001"),
                BT);

        assertThat(reasons(validation)).containsExactly(RefusalReason.OVERSIZED);
        assertThat(validation.readingCount()).isEqualTo(1);
    }

    @Test
    void refuses_a_message_on_a_malformed_topic() {
        for (String topic : List.of(
                "mycity/v1/demo-town/gw-z-a1/bay-00001",
                "mycity/v2/demo-town/gw-z-a1/bay-00001/up",
                "mycity/v1/Demo/gw-z-a1/bay-00001/up",
                "mycity/v1/demo-town/gw-z-a1/bay-00001/up/extra",
                "")) {
            Validation validation = validate(
                    topic,
                    "[{\"bn\":\"" + bn("bay-00001") + "\",\"bt\":" + BT + ",\"n\":\"occupied\",\"u\":\"/\",\"v\":1}]");

            assertThat(reasons(validation)).as(topic).containsExactly(RefusalReason.MALFORMED_TOPIC);
            assertThat(validation.refused().get(0).tenant()).isNull();
            assertThat(validation.refused().get(0).topic()).isEqualTo(topic);
        }
    }

    @Test
    void refuses_a_device_that_is_not_registered() {
        assertThat(reasons(one("bay-99999", "\"n\":\"occupied\",\"u\":\"/\",\"v\":1")))
                .containsExactly(RefusalReason.UNKNOWN_DEVICE);
    }

    @Test
    void refuses_a_device_of_a_kind_the_platform_does_not_know() {
        Validation validation = one("lamp-0001", "\"n\":\"on\",\"u\":\"/\",\"v\":1");

        assertThat(reasons(validation)).containsExactly(RefusalReason.UNKNOWN_KIND);
        assertThat(validation.refused().get(0).problems().get(0).detail()).contains("street-lamp");
    }

    @Test
    void refuses_a_pack_whose_base_name_is_another_device_than_the_topics() {
        Validation validation = validate(
                topic("bay-00001"),
                "[{\"bn\":\"" + bn("bay-000010") + "\",\"bt\":" + BT + ",\"n\":\"occupied\",\"u\":\"/\",\"v\":1}]");

        assertThat(reasons(validation)).containsExactly(RefusalReason.DEVICE_MISMATCH);
    }

    @Test
    void refuses_a_pack_naming_another_tenant_or_no_base_name() {
        assertThat(reasons(validate(
                        topic("bay-00001"),
                        "[{\"bn\":\"urn:dev:mycity:other:bay-00001:\",\"bt\":" + BT
                                + ",\"n\":\"occupied\",\"u\":\"/\",\"v\":1}]")))
                .containsExactly(RefusalReason.DEVICE_MISMATCH);
        assertThat(reasons(
                        validate(topic("bay-00001"), "[{\"bt\":" + BT + ",\"n\":\"occupied\",\"u\":\"/\",\"v\":1}]")))
                .containsExactly(RefusalReason.DEVICE_MISMATCH);
    }

    @Test
    void refuses_a_device_that_arrives_through_a_gateway_it_is_not_registered_behind() {
        Validation validation = one("bay-00002", "\"n\":\"occupied\",\"u\":\"/\",\"v\":1");

        assertThat(reasons(validation)).containsExactly(RefusalReason.WRONG_GATEWAY);
        assertThat(validation.refused().get(0).problems().get(0).detail()).contains("gw-z-b2");
        assertThat(validation.refused().get(0).awaitsRegistry()).isTrue();
    }

    @Test
    void gives_the_record_problems_too_when_it_refuses_a_message_from_the_wrong_gateway() {
        Validation validation = one("bay-00002", "\"n\":\"occupied\",\"u\":\"kg\",\"v\":7");

        assertThat(validation.refused()).hasSize(1);
        assertThat(reasons(validation))
                .containsExactly(
                        RefusalReason.WRONG_GATEWAY, RefusalReason.VALUE_OUT_OF_RANGE, RefusalReason.WRONG_UNIT);
        assertThat(validation.refused().get(0).awaitsRegistry()).isFalse();
    }

    @Test
    void gives_every_message_problem_at_once() {
        Validation validation = validate("mycity/v1/demo-town/gw-z-b2/bay-00001/up", "[{\"n\":\"occupied\"");

        assertThat(reasons(validation)).containsExactly(RefusalReason.WRONG_GATEWAY, RefusalReason.MALFORMED_PAYLOAD);
        assertThat(reasons(validate("mycity/v1/demo-town/gw-z-a1/nobody/up", "x".repeat(5000))))
                .containsExactly(RefusalReason.UNKNOWN_DEVICE, RefusalReason.OVERSIZED);
        assertThat(reasons(validate("bad topic", "[{\"v\":\"1\"}]")))
                .containsExactly(RefusalReason.MALFORMED_TOPIC, RefusalReason.WRONG_TYPE);
    }

    // Gateway packs: one message carries readings of several of the gateway's devices

    private Validation gatewayPack(String gateway, String records) {
        return validate(UplinkTopic.ofGateway(TENANT, gateway), "[" + records + "]");
    }

    private static String record(String device, String quantity, String unit, double value) {
        return "{\"n\":\"" + bn(device) + quantity + "\",\"t\":" + BT + ",\"u\":\"" + unit + "\",\"v\":" + value + "}";
    }

    @Test
    void accepts_a_gateway_pack_of_several_devices_each_named_in_its_records() {
        Validation validation = gatewayPack(
                GATEWAY,
                String.join(
                        ",",
                        record("bay-00001", "occupied", "/", 1),
                        record("bin-00001", "fill", "%", 40),
                        record("bay-00001", "occupied", "/", 0)));

        assertThat(validation.refused()).isEmpty();
        assertThat(validation.accepted())
                .extracting(Reading::device, Reading::gateway, Reading::quantity, Reading::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("bay-00001", GATEWAY, "occupied", 1.0),
                        org.assertj.core.groups.Tuple.tuple("bin-00001", GATEWAY, "fill", 40.0),
                        org.assertj.core.groups.Tuple.tuple("bay-00001", GATEWAY, "occupied", 0.0));
    }

    @Test
    void refuses_in_a_gateway_pack_only_the_records_of_devices_not_registered_behind_that_gateway() {
        Validation validation = gatewayPack(
                GATEWAY,
                String.join(
                        ",",
                        record("bay-00001", "occupied", "/", 1),
                        record("bay-00002", "occupied", "/", 1),
                        record("nobody", "occupied", "/", 1),
                        record("bin-00001", "fill", "kg", 40),
                        "{\"n\":\"urn:dev:mycity:other-town:bay-00001:occupied\",\"t\":" + BT
                                + ",\"u\":\"/\",\"v\":1}"));

        assertThat(validation.accepted()).extracting(Reading::device).containsExactly("bay-00001");
        assertThat(validation.refused())
                .extracting(Refusal::recordIndex, Refusal::device, Refusal::primaryReason, Refusal::awaitsRegistry)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "bay-00002", RefusalReason.WRONG_GATEWAY, true),
                        org.assertj.core.groups.Tuple.tuple(2, "nobody", RefusalReason.UNKNOWN_DEVICE, true),
                        org.assertj.core.groups.Tuple.tuple(3, "bin-00001", RefusalReason.WRONG_UNIT, false),
                        org.assertj.core.groups.Tuple.tuple(4, null, RefusalReason.DEVICE_MISMATCH, false));
        assertThat(validation.readingCount()).isEqualTo(5);
    }

    @Test
    void a_second_look_at_a_gateway_pack_gives_only_the_records_asked_for() {
        Uplink pack = new Uplink(
                UplinkTopic.ofGateway(TENANT, GATEWAY),
                ("[" + record("bay-00001", "occupied", "/", 1) + "," + record("nobody", "occupied", "/", 1) + ","
                                + record("bin-00001", "fill", "%", 40) + "]")
                        .getBytes(StandardCharsets.UTF_8),
                RECEIVED);

        Validation second = validator.validate(pack, index -> index == 1);

        assertThat(second.accepted()).isEmpty();
        assertThat(second.refused()).extracting(Refusal::recordIndex).containsExactly(1);
        assertThat(second.readingCount()).isEqualTo(1);
    }

    @Test
    void a_gateway_pack_has_its_own_size_limits() {
        String five = String.join(",", java.util.Collections.nCopies(5, record("bay-00001", "occupied", "/", 1)));

        assertThat(gatewayPack(GATEWAY, five).accepted()).hasSize(5);
        assertThat(reasons(validate("bay-00001", "[" + five.replace("\"n\":\"" + bn("bay-00001"), "\"n\":\"") + "]")))
                .contains(RefusalReason.OVERSIZED);
    }

    // Record problems: the record alone is refused

    @Test
    void refuses_a_quantity_the_kind_does_not_report() {
        Validation validation = one("bin-00001", "\"n\":\"speed\",\"u\":\"km/h\",\"v\":3");

        assertThat(reasons(validation)).containsExactly(RefusalReason.UNKNOWN_QUANTITY);
        Refusal refusal = validation.refused().get(0);
        assertThat(refusal.quantity()).isEqualTo("speed");
        assertThat(refusal.recordIndex()).isZero();
        assertThat(refusal.problems().get(0).detail()).contains("fill", "temperature");
    }

    @Test
    void refuses_a_record_without_a_value() {
        assertThat(reasons(one("bin-00001", "\"n\":\"fill\",\"u\":\"%\"")))
                .containsExactly(RefusalReason.MISSING_VALUE);
    }

    @Test
    void refuses_a_string_or_boolean_where_a_number_is_expected() {
        assertThat(reasons(one("bin-00001", "\"n\":\"fill\",\"u\":\"%\",\"vs\":\"half\"")))
                .containsExactly(RefusalReason.WRONG_TYPE);
        assertThat(reasons(one("bay-00001", "\"n\":\"occupied\",\"u\":\"/\",\"vb\":true")))
                .containsExactly(RefusalReason.WRONG_TYPE);
    }

    @Test
    void refuses_a_wrong_or_missing_unit() {
        Validation wrong = one("bin-00001", "\"n\":\"temperature\",\"u\":\"K\",\"v\":20");
        Validation missing = one("bin-00001", "\"n\":\"temperature\",\"v\":20");

        assertThat(reasons(wrong)).containsExactly(RefusalReason.WRONG_UNIT);
        assertThat(wrong.refused().get(0).problems().get(0).detail()).contains("'Cel'", "'K'");
        assertThat(reasons(missing)).containsExactly(RefusalReason.WRONG_UNIT);
        assertThat(missing.refused().get(0).problems().get(0).detail()).contains("no unit");
    }

    @Test
    void refuses_values_outside_what_a_sensor_can_report() {
        assertThat(reasons(one("bin-00001", "\"n\":\"fill\",\"u\":\"%\",\"v\":101")))
                .containsExactly(RefusalReason.VALUE_OUT_OF_RANGE);
        assertThat(reasons(one("bin-00001", "\"n\":\"temperature\",\"u\":\"Cel\",\"v\":-41")))
                .containsExactly(RefusalReason.VALUE_OUT_OF_RANGE);
        assertThat(reasons(one("tc-0001", "\"n\":\"count\",\"u\":\"count\",\"v\":-1")))
                .containsExactly(RefusalReason.VALUE_OUT_OF_RANGE);
        assertThat(reasons(one("ws-0001", "\"n\":\"flow\",\"u\":\"l/min\",\"v\":1e999")))
                .containsExactly(RefusalReason.VALUE_OUT_OF_RANGE);
    }

    @Test
    void refuses_an_occupied_flag_that_is_not_a_whole_number() {
        Validation validation = one("bay-00001", "\"n\":\"occupied\",\"u\":\"/\",\"v\":0.5");

        assertThat(reasons(validation)).containsExactly(RefusalReason.VALUE_OUT_OF_RANGE);
        assertThat(validation.refused().get(0).problems().get(0).detail()).contains("whole number");
    }

    @Test
    void refuses_a_record_without_time_or_with_a_relative_time() {
        assertThat(reasons(validate(
                        "bay-00001", "[{\"bn\":\"%s\",\"n\":\"occupied\",\"u\":\"/\",\"v\":1}]", bn("bay-00001"))))
                .containsExactly(RefusalReason.MISSING_TIME);
        assertThat(reasons(validate(
                        "bay-00001",
                        "[{\"bn\":\"%s\",\"bt\":-30,\"n\":\"occupied\",\"u\":\"/\",\"v\":1}]",
                        bn("bay-00001"))))
                .containsExactly(RefusalReason.MISSING_TIME);
    }

    @Test
    void refuses_a_time_that_is_not_a_finite_number() {
        assertThat(reasons(validate(
                        "bay-00001",
                        "[{\"bn\":\"%s\",\"bt\":1e999,\"t\":-1e999,\"n\":\"occupied\",\"u\":\"/\",\"v\":1}]",
                        bn("bay-00001"))))
                .containsExactly(RefusalReason.MISSING_TIME);
    }

    @Test
    void refuses_a_time_further_in_the_future_than_the_clock_skew() {
        Validation validation = validate(
                "bay-00001",
                "[{\"bn\":\"%s\",\"bt\":%d,\"n\":\"occupied\",\"u\":\"/\",\"v\":1}]",
                bn("bay-00001"),
                RECEIVED.plusSeconds(301).getEpochSecond());

        assertThat(reasons(validation)).containsExactly(RefusalReason.TIME_IN_FUTURE);
        assertThat(reasons(validate(
                        "bay-00001",
                        "[{\"bn\":\"%s\",\"bt\":1e300,\"n\":\"occupied\",\"u\":\"/\",\"v\":1}]",
                        bn("bay-00001"))))
                .containsExactly(RefusalReason.TIME_IN_FUTURE);
    }

    @Test
    void gives_every_record_problem_at_once() {
        Validation validation = validate(
                "bin-00001",
                "[{\"bn\":\"%s\",\"bt\":%d,\"n\":\"fill\",\"u\":\"m\",\"v\":150}]",
                bn("bin-00001"),
                RECEIVED.plusSeconds(3600).getEpochSecond());

        assertThat(reasons(validation))
                .containsExactly(
                        RefusalReason.VALUE_OUT_OF_RANGE, RefusalReason.WRONG_UNIT, RefusalReason.TIME_IN_FUTURE);
        assertThat(validation.refused().get(0).primaryReason()).isEqualTo(RefusalReason.VALUE_OUT_OF_RANGE);
    }

    // Counting

    @Test
    void counts_one_reading_per_record_whether_accepted_or_refused() {
        Validation validation = validate(
                "tc-0001",
                "[{\"bn\":\"%s\",\"bt\":%d,\"n\":\"count\",\"u\":\"count\",\"v\":3},"
                        + "{\"n\":\"speed\",\"u\":\"km/h\",\"v\":999},"
                        + "{\"n\":\"speed\",\"u\":\"km/h\",\"v\":30},"
                        + "{\"n\":\"fill\",\"u\":\"%%\",\"v\":30}]",
                bn("tc-0001"),
                BT);

        assertThat(validation.accepted()).hasSize(2);
        assertThat(validation.refused())
                .extracting(Refusal::recordIndex, Refusal::primaryReason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, RefusalReason.VALUE_OUT_OF_RANGE),
                        org.assertj.core.groups.Tuple.tuple(3, RefusalReason.UNKNOWN_QUANTITY));
        assertThat(validation.readingCount()).isEqualTo(4);
    }

    @Test
    void counts_an_unreadable_message_as_one_reading() {
        assertThat(validate(topic("tc-0001"), "[").readingCount()).isEqualTo(1);
        assertThat(validate("nowhere", "").readingCount()).isEqualTo(1);
    }

    // Hostile input

    @Test
    void never_throws_on_pathological_payloads() {
        String prefix = "[{\"bn\":\"" + bn("bay-00001") + "\",\"bt\":" + BT + ",\"n\":\"occupied\",\"u\":\"/\",\"v\":";
        List<String> payloads = List.of(
                "[".repeat(1000) + "]".repeat(1000),
                "[{\"n\":" + "[".repeat(1500),
                prefix + "1e999}]",
                prefix + "-1e999,\"bv\":1e999}]",
                prefix + "9".repeat(1500) + "}]",
                prefix + "1,\"seq\":99999999999999999999999999}]",
                "[{\"bn\":\"" + bn("bay-00001") + "\",\"bt\":-1e999,\"n\":\"occupied\",\"u\":\"/\",\"v\":1}]",
                "\u0000\u0001\u0002");
        for (String payload : payloads) {
            Validation validation = validate(topic("bay-00001"), payload);
            assertThat(validation.readingCount()).isPositive();
        }
        Random random = new Random(42);
        for (int i = 0; i < 1000; i++) {
            byte[] garbage = new byte[random.nextInt(400)];
            random.nextBytes(garbage);
            Validation validation = validator.validate(new Uplink(topic("bay-00001"), garbage, RECEIVED));
            assertThat(validation.readingCount()).isEqualTo(1);
        }
    }

    @Test
    void never_throws_on_a_missing_topic_or_payload() {
        Validation validation = validator.validate(new Uplink(null, null, RECEIVED));

        assertThat(reasons(validation)).containsExactly(RefusalReason.MALFORMED_TOPIC, RefusalReason.MALFORMED_PAYLOAD);
    }

    @Test
    void the_builder_rejects_inconsistent_limits() {
        DeviceDirectory none = (t, d) -> java.util.Optional.empty();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ReadingValidator.builder(none).maxRecords(0).build())
                .isInstanceOf(IllegalStateException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReadingValidator.builder(none)
                        .maxFutureSkew(Duration.ofSeconds(-1))
                        .build())
                .isInstanceOf(IllegalStateException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReadingValidator.builder(null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
