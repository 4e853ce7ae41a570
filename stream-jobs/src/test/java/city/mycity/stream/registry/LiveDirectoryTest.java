package city.mycity.stream.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.reading.DeviceInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveDirectoryTest {

    private static final RegistryRefresh REFRESH = new RegistryRefresh(Duration.ofSeconds(30), Duration.ofSeconds(5));

    private final List<DeviceInfo> registered = new ArrayList<>(List.of(bin("bin-1")));
    private int loads;
    private boolean failing;
    private long now;
    private final LiveDirectory directory = new LiveDirectory(this::load, REFRESH, () -> now);

    private List<DeviceInfo> load() {
        loads++;
        if (failing) {
            throw new IllegalStateException("database down");
        }
        return List.copyOf(registered);
    }

    @Test
    void finds_a_device_registered_after_it_was_loaded_by_reloading_on_the_miss() throws Exception {
        directory.load();
        registered.add(bin("bin-2"));
        now += seconds(5);

        assertThat(directory.find("t", "bin-2")).isPresent();
        assertThat(loads).isEqualTo(2);
    }

    @Test
    void reloads_on_unknown_devices_at_most_once_per_miss_interval() throws Exception {
        directory.load();
        now += seconds(1);

        assertThat(directory.find("t", "nope-1")).isEmpty();
        assertThat(directory.find("t", "nope-2")).isEmpty();
        assertThat(loads).isEqualTo(1);

        now += seconds(5);
        assertThat(directory.find("t", "nope-3")).isEmpty();
        assertThat(loads).isEqualTo(2);
    }

    @Test
    void reloads_every_interval_even_when_every_device_is_known() throws Exception {
        directory.load();
        List<DeviceInfo> first = directory.devices();
        registered.add(bin("bin-2"));

        now += seconds(29);
        assertThat(directory.devices()).isSameAs(first);

        now += seconds(1);
        assertThat(directory.devices()).extracting(DeviceInfo::device).containsExactly("bin-1", "bin-2");
        assertThat(directory.find("t", "bin-1")).isPresent();
        assertThat(loads).isEqualTo(2);
    }

    @Test
    void keeps_the_devices_it_knows_when_a_reload_fails() throws Exception {
        directory.load();
        failing = true;
        now += seconds(30);

        assertThat(directory.find("t", "bin-1")).isPresent();
        assertThat(directory.devices()).hasSize(1);
    }

    @Test
    void fails_when_the_first_load_fails() {
        failing = true;

        assertThatThrownBy(() -> LiveDirectory.open(this::load, REFRESH)).hasMessageContaining("database down");
    }

    private static long seconds(long s) {
        return Duration.ofSeconds(s).toNanos();
    }

    private static DeviceInfo bin(String id) {
        return new DeviceInfo("t", id, "gw-1", "bin", "z-1", null, 50.0, 4.0);
    }
}
