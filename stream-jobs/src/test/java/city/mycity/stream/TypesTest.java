package city.mycity.stream;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.reading.Reading;
import city.mycity.reading.Uplink;
import city.mycity.settings.Settings;
import city.mycity.stream.ingest.RefusalRow;
import city.mycity.stream.parking.BayUpdate;
import city.mycity.stream.parking.Occupancy;
import city.mycity.stream.parking.OccupancyFunction;
import java.time.Instant;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
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

    @Test
    void the_job_hands_elements_to_chained_operators_without_copying_them() {
        StreamExecutionEnvironment env =
                ReadingsJob.configure(StreamExecutionEnvironment.getExecutionEnvironment(), Settings.of(Map.of()));

        assertThat(env.getConfig().isObjectReuseEnabled()).isTrue();
    }

    @Test
    void a_record_read_into_a_reused_instance_is_a_new_instance_so_object_reuse_is_safe() throws Exception {
        Instant now = Instant.parse("2026-11-29T12:00:00Z");
        Uplink first = new Uplink("mycity/v1/t/g/up", new byte[] {1, 2}, now);
        Uplink second = new Uplink("mycity/v1/t/g/up", new byte[] {3}, now.plusSeconds(1));
        TypeSerializer<Uplink> serializer =
                TypeInformation.of(Uplink.class).createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(second, out);

        Uplink read = serializer.deserialize(first, new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(read).isNotSameAs(first);
        assertThat(read.payload()).isNotSameAs(first.payload()).containsExactly(3);
        assertThat(first.payload()).containsExactly(1, 2);
    }
}
