package city.mycity.gateway.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.gateway.exception.InvalidInputException;
import city.mycity.gateway.registry.DeviceStatus;
import city.mycity.gateway.registry.Devices;
import city.mycity.testkit.TestDatabase;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeviceImportIT {

    private static final String HEADER =
            "id,gateway,kind,zone,site,latitude,longitude,vendor,profile,installed_on," + "status,firmware_version\n";

    private static TestDatabase db;
    private static DeviceImport imports;

    @BeforeAll
    static void aCouncil() throws SQLException {
        db = TestDatabase.create().migrated();
        imports = new DeviceImport(db.dataSource());
        execute("INSERT INTO tenant (id, name) VALUES ('north', 'North'), ('south', 'South');"
                + "INSERT INTO zone VALUES ('north', 'z1', 'Centre', 52, -2, 53, -1);"
                + "INSERT INTO gateway (tenant_id, id, zone_id, latitude, longitude) VALUES ('north', 'g1', 'z1', 52.5,"
                + " -1.5), ('south', 'g9', 'z1', 50.5, -1.5);"
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
    void imports_the_good_rows_and_reports_each_bad_one_with_its_line_and_reason() {
        String csv = HEADER
                + "bin-1,g1,bin,z1,,52.51,-1.51,\"Acme, Inc.\",ultrasonic-bin depth-mm=1100,2026-05-04,,2.4.0\n"
                + "bay-1,g1,parking-bay,z1,cp1,52.52,-1.52,\"Nedap, NL\",puck model=2,,planned,\n"
                + "bin-9,g1,bin,z1,,52.5,-1.5,\"two\nlines\",,,,\n"
                + "bin-2,g1,bin,z1,,95.0,-1.5,,,,,\n"
                + "bin-3,g9,bin,z1,,52.5,-1.5,,,,,\n"
                + "bin-4,g1,toaster,z1,,52.5,-1.5,,,,,\n"
                + "bin-5,g1,bin,z1,,52.5,-1.5,,,05/04/2026,,\n"
                + "bin-1,g1,bin,z1,,52.5,-1.5,,,,,\n"
                + "bin-6,g1,bin,z1\n"
                + "BIN 7,g1,bin,z1,,52.5,-1.5,,,,,\n";

        ImportReport report = imports.importCsv("ana", "north", new StringReader(csv), "test.csv", ImportProgress.NONE);

        assertThat(report.created()).isEqualTo(2);
        assertThat(report.rows()).isEqualTo(10);
        assertThat(report.refused())
                .extracting(RowProblem::line, RowProblem::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4, "vendor"),
                        org.assertj.core.groups.Tuple.tuple(6, "latitude"),
                        org.assertj.core.groups.Tuple.tuple(7, "gateway"),
                        org.assertj.core.groups.Tuple.tuple(8, "kind"),
                        org.assertj.core.groups.Tuple.tuple(9, "installed_on"),
                        org.assertj.core.groups.Tuple.tuple(10, "id"),
                        org.assertj.core.groups.Tuple.tuple(11, null),
                        org.assertj.core.groups.Tuple.tuple(12, "id"));
        assertThat(report.refused().get(5).reason()).contains("twice (first on line 2)");
        Devices devices = new Devices(db.dataSource());
        assertThat(devices.find("north", "bin-1").orElseThrow().vendor()).isEqualTo("Acme, Inc.");
        assertThat(devices.find("north", "bay-1").orElseThrow().vendor()).isEqualTo("Nedap, NL");
        assertThat(devices.find("north", "bay-1").orElseThrow().status()).isEqualTo(DeviceStatus.PLANNED);
        assertThat(devices.find("north", "bay-1").orElseThrow().site()).isEqualTo("cp1");
    }

    @Test
    void importing_the_same_file_again_changes_nothing_and_a_changed_row_is_updated() throws SQLException {
        String csv =
                HEADER + "bin-1,g1,bin,z1,,52.51,-1.51,Acme,,,,2.4.0\n" + "bin-2,g1,bin,z1,,52.52,-1.52,Acme,,,,\n";
        imports.importCsv("ana", "north", new StringReader(csv), "a.csv", ImportProgress.NONE);
        List<String> versions = column("SELECT id || ':' || xmin FROM device ORDER BY id");

        ImportReport again = imports.importCsv("ana", "north", new StringReader(csv), "a.csv", ImportProgress.NONE);
        ImportReport changed = imports.importCsv(
                "ana",
                "north",
                new StringReader(csv.replace("2.4.0", "2.5.0").replace("Acme,,,,\n", "Acme,,,retired,\n")),
                "b.csv",
                ImportProgress.NONE);

        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.created() + again.updated()).isZero();
        assertThat(changed.updated()).isEqualTo(2);
        assertThat(new Devices(db.dataSource())
                        .find("north", "bin-2")
                        .orElseThrow()
                        .retiredAt())
                .isNotNull();
        assertThat(versions).hasSize(2);
    }

    @Test
    void retiring_a_device_by_import_revokes_its_credentials_as_the_api_does() {
        imports.importCsv(
                "ana",
                "north",
                new StringReader(HEADER + "bin-1,g1,bin,z1,,52.5,-1.5,,,,,\n"),
                "a",
                ImportProgress.NONE);
        var credentials = new city.mycity.gateway.credentials.Credentials(db.dataSource());
        var issued = credentials.issue(
                "ana",
                city.mycity.gateway.credentials.Subject.device("north", "bin-1"),
                city.mycity.gateway.credentials.CredentialKind.MQTT_PASSWORD);

        imports.importCsv(
                "ana",
                "north",
                new StringReader(HEADER + "bin-1,g1,bin,z1,,52.5,-1.5,,,,retired,\n"),
                "b",
                ImportProgress.NONE);

        assertThat(credentials.checkPassword(issued.identity(), issued.secret()))
                .isEmpty();
    }

    @Test
    void a_file_without_a_required_column_is_refused_whole() {
        assertThatThrownBy(() -> imports.importCsv(
                        "ana", "north", new StringReader("id,gateway,kind\nbin-1,g1,bin\n"), "x", ImportProgress.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("zone");
        assertThatThrownBy(() -> imports.importCsv(
                        "ana",
                        "north",
                        new StringReader("id,gateway,kind,zone,latitude,longitude,colour\n"),
                        "x",
                        ImportProgress.NONE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Unknown column 'colour'");
    }

    @Test
    void imports_tens_of_thousands_of_rows_telling_its_progress() throws SQLException {
        StringBuilder csv = new StringBuilder("\uFEFFid,gateway,kind,zone,latitude,longitude\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append("dev-")
                    .append(i)
                    .append(",g1,bin,z1,52.")
                    .append(i % 1000)
                    .append(",-1.5\n");
        }
        List<int[]> told = new ArrayList<>();

        ImportReport report = imports.importCsv(
                "ana",
                "north",
                new StringReader(csv.toString()),
                "big.csv",
                (done, total) -> told.add(new int[] {done, total}));

        assertThat(report.created()).isEqualTo(20_000);
        assertThat(report.refused()).isEmpty();
        assertThat(told).hasSize(20);
        assertThat(told.get(told.size() - 1)).containsExactly(20_000, 20_000);
        assertThat(column("SELECT count(*) FROM device WHERE tenant_id = 'north'"))
                .containsExactly("20000");
        assertThat(column("SELECT count(*) FROM audit_log WHERE action = 'device.import'"))
                .containsExactly("20000");
    }

    @Test
    void one_councils_import_cannot_touch_another_councils_device() throws SQLException {
        execute("INSERT INTO device (tenant_id, id, gateway_id, kind, zone_id, latitude, longitude)"
                + " VALUES ('south', 'bin-s', 'g9', 'bin', 'z1', 50.5, -1.5)");

        ImportReport report = imports.importCsv(
                "ana",
                "north",
                new StringReader("id,gateway,kind,zone,latitude,longitude\nbin-s,g1,bin,z1,52.5,-1.5\n"),
                "x",
                ImportProgress.NONE);

        assertThat(report.created()).isEqualTo(1);
        assertThat(column("SELECT tenant_id || ':' || gateway_id FROM device WHERE id = 'bin-s' ORDER BY 1"))
                .containsExactly("north:g1", "south:g9");
    }

    private static void execute(String sql) throws SQLException {
        db.execute(sql);
    }

    private static List<String> column(String sql) throws SQLException {
        return db.column(sql);
    }
}
