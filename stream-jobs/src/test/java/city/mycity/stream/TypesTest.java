package city.mycity.stream;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.reading.Reading;
import city.mycity.reading.Uplink;
import city.mycity.stream.ingest.RefusalRow;
import city.mycity.stream.parking.BayUpdate;
import city.mycity.stream.parking.Occupancy;
import city.mycity.stream.parking.OccupancyFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TypesTest {

    @ParameterizedTest
    @ValueSource(
            classes = {
                Uplink.class,
                Reading.class,
                RefusalRow.class,
                BayUpdate.class,
                Occupancy.class,
                city.mycity.stream.ingest.HeldUplink.class,
                OccupancyFunction.BayState.class
            })
    void records_on_the_hot_path_are_serialised_as_pojos_not_with_kryo(Class<?> type) {
        assertThat(TypeInformation.of(type)).isInstanceOf(PojoTypeInfo.class);
    }
}
