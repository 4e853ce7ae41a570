package city.mycity.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Resolution of base fields, RFC 8428 section 4.6, checked against the RFC's own examples (section 5.1). */
class SenmlResolutionTest {

    private static final String OW = "urn:dev:ow:10e2073a01080063:";

    private static List<ResolvedRecord> resolve(String json) {
        SenmlCodec.Decoded decoded = SenmlCodec.json().decode(json.getBytes(StandardCharsets.UTF_8));
        assertThat(decoded.isOk()).as(decoded.error()).isTrue();
        return decoded.pack().resolve();
    }

    @Test
    void resolves_the_multiple_datapoints_example_of_rfc_8428_into_its_resolved_form() {
        List<ResolvedRecord> resolved = resolve("""
                [
                  {"bn":"urn:dev:ow:10e2073a01080063:","bt":1.320067464e+09,
                   "bu":"A","bver":5,
                   "n":"voltage","u":"V","v":120.1},
                  {"n":"current","t":-5,"v":1.2},
                  {"n":"current","t":-4,"v":1.3},
                  {"n":"current","t":-3,"v":1.4},
                  {"n":"current","t":-2,"v":1.5},
                  {"n":"current","t":-1,"v":1.6},
                  {"n":"current","v":1.7}
                ]
                """);

        assertThat(resolved)
                .containsExactly(
                        new ResolvedRecord(OW + "voltage", "V", 120.1, 1.320067464e9, null, false, 0),
                        new ResolvedRecord(OW + "current", "A", 1.2, 1.320067459e9, null, false, 1),
                        new ResolvedRecord(OW + "current", "A", 1.3, 1.320067460e9, null, false, 2),
                        new ResolvedRecord(OW + "current", "A", 1.4, 1.320067461e9, null, false, 3),
                        new ResolvedRecord(OW + "current", "A", 1.5, 1.320067462e9, null, false, 4),
                        new ResolvedRecord(OW + "current", "A", 1.6, 1.320067463e9, null, false, 5),
                        new ResolvedRecord(OW + "current", "A", 1.7, 1.320067464e9, null, false, 6));
    }

    @Test
    void resolves_the_single_datapoint_example_with_no_base_fields() {
        assertThat(resolve("[{\"n\":\"urn:dev:ow:10e2073a01080063\",\"u\":\"Cel\",\"v\":23.1}]"))
                .containsExactly(new ResolvedRecord("urn:dev:ow:10e2073a01080063", "Cel", 23.1, 0, null, false, 0));
    }

    @Test
    void a_later_base_field_replaces_the_earlier_one_for_the_records_after_it() {
        List<ResolvedRecord> resolved = resolve("""
                [{"bn":"a:","bt":1000,"bu":"m","n":"x","v":1},
                 {"n":"y","v":2},
                 {"bn":"b:","bt":2000,"bu":"s","n":"x","v":3},
                 {"n":"y","t":5,"u":"kg","v":4}]
                """);

        assertThat(resolved)
                .extracting(ResolvedRecord::name, ResolvedRecord::unit, ResolvedRecord::time)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a:x", "m", 1000.0),
                        org.assertj.core.groups.Tuple.tuple("a:y", "m", 1000.0),
                        org.assertj.core.groups.Tuple.tuple("b:x", "s", 2000.0),
                        org.assertj.core.groups.Tuple.tuple("b:y", "kg", 2005.0));
    }

    @Test
    void the_base_value_is_added_to_each_value_and_stands_in_for_a_missing_one() {
        List<ResolvedRecord> resolved = resolve("""
                [{"bn":"dev:","bv":20,"n":"t","v":1.5},
                 {"n":"t","v":-0.5},
                 {"n":"t"},
                 {"n":"s","vs":"text"}]
                """);

        assertThat(resolved).extracting(ResolvedRecord::value).containsExactly(21.5, 19.5, 20.0, null);
        assertThat(resolved).extracting(ResolvedRecord::nonNumeric).containsExactly(false, false, false, true);
    }

    @Test
    void a_record_without_value_or_base_value_has_no_value() {
        assertThat(resolve("[{\"n\":\"x\"}]").get(0).value()).isNull();
    }

    @Test
    void a_time_without_base_time_stays_as_given_so_that_a_relative_time_can_be_recognised() {
        assertThat(resolve("[{\"n\":\"x\",\"v\":1,\"t\":-60}]").get(0).time()).isEqualTo(-60.0);
        assertThat(resolve("[{\"n\":\"x\",\"v\":1}]").get(0).time()).isEqualTo(0.0);
    }

    @Test
    void the_sequence_number_carries_over_to_the_records_that_follow() {
        List<ResolvedRecord> resolved = resolve(
                "[{\"bn\":\"d:\",\"n\":\"a\",\"v\":1,\"seq\":7},{\"n\":\"b\",\"v\":2},{\"n\":\"c\",\"v\":3,\"seq\":8}]");

        assertThat(resolved).extracting(ResolvedRecord::sequence).containsExactly(7L, 7L, 8L);
        assertThat(resolved).extracting(ResolvedRecord::index).containsExactly(0, 1, 2);
    }

    @Test
    void a_new_base_name_starts_without_the_previous_devices_sequence_number() {
        List<ResolvedRecord> resolved =
                resolve("[{\"bn\":\"d1:\",\"n\":\"a\",\"v\":1,\"seq\":7},{\"bn\":\"d2:\",\"n\":\"a\",\"v\":2}]");

        assertThat(resolved).extracting(ResolvedRecord::sequence).containsExactly(7L, null);
    }

    @Test
    void a_gateway_pack_joins_device_packs_without_passing_base_fields_from_one_to_the_next() {
        SenmlPack first = SenmlCodec.json()
                .decode(
                        "[{\"bn\":\"d1:\",\"bt\":1.7e9,\"bu\":\"%\",\"bv\":10,\"n\":\"a\",\"v\":1,\"seq\":7},{\"n\":\"b\",\"t\":5,\"v\":2}]"
                                .getBytes(StandardCharsets.UTF_8))
                .pack();
        SenmlPack second = SenmlCodec.json()
                .decode("[{\"bn\":\"d2:\",\"n\":\"a\",\"t\":1.8e9,\"u\":\"/\"},{\"n\":\"b\",\"v\":3}]"
                        .getBytes(StandardCharsets.UTF_8))
                .pack();

        byte[] wire = SenmlCodec.json().encode(SenmlPack.join(List.of(first, second)));
        List<ResolvedRecord> joined = SenmlCodec.json().decode(wire).pack().resolve();

        assertThat(joined)
                .extracting(
                        ResolvedRecord::name,
                        ResolvedRecord::time,
                        ResolvedRecord::unit,
                        ResolvedRecord::value,
                        ResolvedRecord::sequence)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("d1:a", 1.7e9, "%", 11.0, 7L),
                        org.assertj.core.groups.Tuple.tuple("d1:b", 1.7e9 + 5, "%", 12.0, 7L),
                        org.assertj.core.groups.Tuple.tuple("d2:a", 1.8e9, "/", null, null),
                        org.assertj.core.groups.Tuple.tuple("d2:b", 0.0, null, 3.0, null));
    }
}
