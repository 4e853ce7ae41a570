package city.mycity.geo.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.citymodel.BoundingBox;
import city.mycity.geo.InvalidParameterException;
import city.mycity.reading.SensorKind;
import org.junit.jupiter.api.Test;

class SensorQueryTest {

    @Test
    void reads_a_bbox_in_longitude_latitude_order() {
        BoundingBox box = SensorQuery.parseBox("7.41, 43.72,7.44,43.75");

        assertThat(box).isEqualTo(new BoundingBox(43.72, 7.41, 43.75, 7.44));
    }

    @Test
    void rejects_a_bbox_without_four_numbers() {
        assertThatThrownBy(() -> SensorQuery.parseBox("1,2,3"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("four");
        assertThatThrownBy(() -> SensorQuery.parseBox("1,2,3,x")).hasMessageContaining("'x' is not a number");
        assertThatThrownBy(() -> SensorQuery.parseBox(null)).hasMessageContaining("required");
        assertThatThrownBy(() -> SensorQuery.parseBox("1,2,NaN,4")).hasMessageContaining("finite");
    }

    @Test
    void rejects_a_bbox_out_of_range_or_inverted() {
        assertThatThrownBy(() -> SensorQuery.parseBox("-181,0,0,1")).hasMessageContaining("-180..180");
        assertThatThrownBy(() -> SensorQuery.parseBox("0,0,1,91")).hasMessageContaining("-90..90");
        assertThatThrownBy(() -> SensorQuery.parseBox("2,0,1,1")).hasMessageContaining("must not exceed");
    }

    @Test
    void names_the_offending_parameter() {
        assertThatThrownBy(() -> SensorQuery.parseKind("unicorn"))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter())
                        .isEqualTo("kind"));
    }

    @Test
    void reads_a_kind_by_its_code_and_blank_as_every_kind() {
        assertThat(SensorQuery.parseKind("parking-bay")).contains(SensorKind.PARKING_BAY);
        assertThat(SensorQuery.parseKind(" ")).isEmpty();
        assertThat(SensorQuery.parseKind(null)).isEmpty();
    }
}
