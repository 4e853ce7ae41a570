package city.mycity.firmware.ota;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FirmwareVersionsTest {

    @Test
    void compares_number_by_number_not_as_text() {
        assertThat(FirmwareVersions.newer("2.10.0", "2.9.3")).isTrue();
        assertThat(FirmwareVersions.newer("2.4.1", "2.4")).isTrue();
        assertThat(FirmwareVersions.newer("2.4", "2.4.0")).isFalse();
        assertThat(FirmwareVersions.newer("2.3.0", "2.4.1")).isFalse();
        assertThat(FirmwareVersions.newer("2.4.1", "2.4.1")).isFalse();
    }
}
