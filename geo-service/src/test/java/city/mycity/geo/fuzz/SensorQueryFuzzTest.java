package city.mycity.geo.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.citymodel.BoundingBox;
import city.mycity.geo.InvalidParameterException;
import city.mycity.geo.sensors.SensorQuery;
import city.mycity.reading.SensorKind;
import city.mycity.reading.fuzz.Fuzz;
import city.mycity.reading.fuzz.Gen;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The parsers of the sensor search's {@code bbox} and {@code kind}, called directly on every kind of text (the HTTP
 * path to them is fuzzed by {@link QueryParametersFuzzIT}): each text is read as what it says, or refused naming the
 * parameter.
 */
class SensorQueryFuzzTest {

    @Test
    void every_bbox_is_a_box_within_the_globe_as_its_four_numbers_say_or_refused_naming_bbox() {
        Fuzz.forAll(Gen.oneOf(QueryValues.BOXES, Gen.strings(60))).check(text -> {
            BoundingBox box;
            try {
                box = SensorQuery.parseBox(text);
            } catch (InvalidParameterException e) {
                Fuzz.collect("refused");
                assertThat(e.parameter()).isEqualTo("bbox");
                assertThat(e.getMessage()).contains("bbox");
                return;
            }
            Fuzz.collect("read");
            String[] parts = text.split(",", -1);
            assertThat(parts).hasSize(4);
            assertThat(box.minLongitude()).isEqualTo(Double.parseDouble(parts[0].trim()));
            assertThat(box.minLatitude()).isEqualTo(Double.parseDouble(parts[1].trim()));
            assertThat(box.maxLongitude()).isEqualTo(Double.parseDouble(parts[2].trim()));
            assertThat(box.maxLatitude()).isEqualTo(Double.parseDouble(parts[3].trim()));
            assertThat(box.minLongitude()).isBetween(-180.0, box.maxLongitude());
            assertThat(box.maxLongitude()).isLessThanOrEqualTo(180.0);
            assertThat(box.minLatitude()).isBetween(-90.0, box.maxLatitude());
            assertThat(box.maxLatitude()).isLessThanOrEqualTo(90.0);
        });
    }

    @Test
    void every_kind_is_the_sensor_kind_of_its_code_or_every_kind_when_blank_or_refused_naming_kind() {
        Fuzz.forAll(Gen.oneOf(QueryValues.KINDS, Gen.strings(20))).check(text -> {
            Optional<SensorKind> kind;
            try {
                kind = SensorQuery.parseKind(text);
            } catch (InvalidParameterException e) {
                Fuzz.collect("refused");
                assertThat(e.parameter()).isEqualTo("kind");
                assertThat(e.getMessage()).contains("kind");
                return;
            }
            Fuzz.collect(kind.isPresent() ? "read" : "every kind");
            if (text.isBlank()) {
                assertThat(kind).isEmpty();
            } else {
                assertThat(kind.orElseThrow().code()).isEqualTo(text.trim());
            }
        });
    }
}
