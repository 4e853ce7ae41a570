package city.mycity.gateway.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.gateway.exception.ConflictException;
import city.mycity.gateway.exception.InvalidInputException;
import city.mycity.gateway.exception.NotFoundException;
import city.mycity.gateway.exception.StaleVersionException;
import city.mycity.testkit.TestDatabase;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DevicesIT {

    private static TestDatabase db;
    private static Devices devices;

    @BeforeAll
    static void twoCouncils() throws SQLException {
        db = TestDatabase.create().migrated();
        devices = new Devices(db.dataSource());
        execute("INSERT INTO tenant (id, name) VALUES ('north', 'North'), ('south', 'South');"
                + "INSERT INTO zone VALUES ('north', 'z1', 'Centre', 52, -2, 53, -1), ('south', 'z9', 'Docks', 50, -2,"
                + " 51, -1);"
                + "INSERT INTO gateway (tenant_id, id, zone_id, latitude, longitude) VALUES ('north', 'g1', 'z1', 52.5,"
                + " -1.5), ('north', 'g2', 'z1', 52.6, -1.5), ('south', 'g9', 'z9', 50.5, -1.5);"
                + "INSERT INTO car_park VALUES ('north', 'cp1', 'Market', 'z1', 52.5, -1.5, 100)");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void noDevices() throws SQLException {
        execute("DELETE FROM device; DELETE FROM audit_log");
    }

    @Test
    void registers_a_device_with_its_vendor_profile_and_life_cycle() {
        Device bin = devices.create("ana", "north", bin("bin-1", "g1"));

        assertThat(bin.status()).isEqualTo(DeviceStatus.ACTIVE);
        assertThat(bin.codec()).isEqualTo("ultrasonic-bin");
        assertThat(bin.installedOn()).isEqualTo(LocalDate.of(2026, 5, 4));
        assertThat(bin.version()).isEqualTo(1);
        assertThat(devices.find("north", "bin-1")).contains(bin);
    }

    @Test
    void refuses_a_device_that_exists_or_names_what_is_not_registered() {
        devices.create("ana", "north", bin("bin-1", "g1"));

        assertThatThrownBy(() -> devices.create("ana", "north", bin("bin-1", "g1")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> devices.create("ana", "north", bin("bin-2", "g9")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("gateway"));
        assertThatThrownBy(() -> devices.create("ana", "north", withKind(bin("bin-3", "g1"), "toaster")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Unknown device kind toaster");
    }

    @Test
    void changes_only_the_fields_given_and_counts_versions() {
        devices.create("ana", "north", bin("bin-1", "g1"));

        Device changed = devices.update("ana", "north", "bin-1", firmware("2.4.1"), 1);

        assertThat(changed.firmwareVersion()).isEqualTo("2.4.1");
        assertThat(changed.vendor()).isEqualTo("Acme Sensors");
        assertThat(changed.version()).isEqualTo(2);
        assertThatThrownBy(() -> devices.update("ana", "north", "bin-1", firmware("2.5"), 1))
                .isInstanceOf(StaleVersionException.class)
                .hasMessageContaining("changed since version 1");
    }

    @Test
    void retires_a_device_and_keeps_it() {
        devices.create("ana", "north", bin("bin-1", "g1"));

        Device retired = devices.retire("ana", "north", "bin-1");

        assertThat(retired.status()).isEqualTo(DeviceStatus.RETIRED);
        assertThat(retired.retiredAt()).isNotNull();
        assertThat(devices.find("north", "bin-1")).contains(retired);
    }

    @Test
    void one_council_neither_sees_nor_changes_another_councils_devices() {
        devices.create("sam", "south", bin("bin-s", "g9"));

        assertThat(devices.find("north", "bin-s")).isEmpty();
        assertThat(devices.search("north", DeviceSearch.all()).devices()).isEmpty();
        assertThatThrownBy(() -> devices.update("ana", "north", "bin-s", firmware("9"), null))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> devices.retire("ana", "north", "bin-s")).isInstanceOf(NotFoundException.class);
        assertThat(devices.find("south", "bin-s").orElseThrow().status()).isEqualTo(DeviceStatus.ACTIVE);
    }

    @Test
    void searches_page_by_page_with_filters() {
        for (int i = 0; i < 25; i++) {
            devices.create("ana", "north", bin(String.format("bin-%02d", i), i % 2 == 0 ? "g1" : "g2"));
        }

        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            DevicePage page =
                    devices.search("north", new DeviceSearch("bin", "g1", null, DeviceStatus.ACTIVE, "bin-", after, 5));
            page.devices().forEach(d -> seen.add(d.id()));
            after = page.next();
            pages++;
        } while (after != null);

        assertThat(seen).hasSize(13).isSorted().allSatisfy(id -> assertThat(Integer.parseInt(id.substring(4)) % 2)
                .isZero());
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void writes_every_change_with_its_author_to_the_audit_log() throws SQLException {
        devices.create("ana", "north", bin("bin-1", "g1"));
        devices.update("ben", "north", "bin-1", firmware("2.4.1"), null);
        devices.retire("cat", "north", "bin-1");

        assertThat(column(
                        "SELECT actor || ' ' || action || ' ' || target || ' ' || details FROM audit_log ORDER BY id"))
                .containsExactly(
                        "ana device.create bin-1 {}",
                        "ben device.update bin-1 {\"fields\": [\"firmwareVersion\"]}",
                        "cat device.retire bin-1 {}");
    }

    private static DeviceDraft bin(String id, String gateway) {
        return new DeviceDraft(
                id,
                gateway,
                "bin",
                gateway.equals("g9") ? "z9" : "z1",
                null,
                52.5,
                -1.5,
                "Acme Sensors",
                "ultrasonic-bin depth-mm=1100",
                LocalDate.of(2026, 5, 4),
                null,
                "2.4.0");
    }

    private static DeviceDraft firmware(String version) {
        return new DeviceDraft(null, null, null, null, null, null, null, null, null, null, null, version);
    }

    private static DeviceDraft withKind(DeviceDraft d, String kind) {
        return new DeviceDraft(
                d.id(),
                d.gateway(),
                kind,
                d.zone(),
                d.site(),
                d.latitude(),
                d.longitude(),
                d.vendor(),
                d.profile(),
                d.installedOn(),
                d.status(),
                d.firmwareVersion());
    }

    private static void execute(String sql) throws SQLException {
        db.execute(sql);
    }

    private static List<String> column(String sql) throws SQLException {
        return db.column(sql);
    }
}
