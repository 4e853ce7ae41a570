package city.mycity.launcher;

import city.mycity.gateway.exception.InvalidInputException;
import city.mycity.gateway.provisioning.DeviceImport;
import city.mycity.gateway.provisioning.ImportReport;
import city.mycity.gateway.provisioning.RowProblem;
import city.mycity.gateway.registry.Device;
import city.mycity.gateway.registry.DevicePage;
import city.mycity.gateway.registry.DeviceSearch;
import city.mycity.gateway.registry.Devices;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mycity devices}: the device registry from the command line: bulk provisioning and listing. */
@Command(
        name = "devices",
        mixinStandardHelpOptions = true,
        header = "Imports devices from CSV (bulk provisioning) and lists the registry.",
        description = {
            "Reads MYCITY_JDBC_URL, MYCITY_DB_USER and MYCITY_DB_PASSWORD (the demo prints its database when it",
            "starts). The operators' API does the same over HTTP: POST /api/v1/registry/devices/import."
        },
        subcommands = {DevicesCommand.ImportCommand.class, DevicesCommand.ListCommand.class})
final class DevicesCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    private static HikariDataSource database() {
        return CommandDatabase.pool("mycity-devices", 2);
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Registers or updates the devices of a CSV file, row by row: a bad row is reported with its line",
                "and reason, the good rows are still imported, and importing the same file again changes nothing.",
                "Header (any order): id,gateway,kind,zone,latitude,longitude (required) and site,vendor,profile,",
                "installed_on,status,firmware_version. Exit code 0 when every row was imported, 3 when some were",
                "refused, 1 when the file as a whole was."
            })
    static final class ImportCommand implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "The CSV file (UTF-8).")
        Path file;

        @Option(names = "--tenant", required = true, description = "The council the devices belong to.")
        String tenant;

        @Option(names = "--by", defaultValue = "mycity devices import", description = "Who imports, for the audit log.")
        String by;

        @Override
        public Integer call() {
            AtomicReference<ProgressBar> bar = new AtomicReference<>();
            ImportReport report;
            try (HikariDataSource dataSource = database();
                    Reader csv = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                report = new DeviceImport(dataSource)
                        .importCsv(by, tenant, csv, file.getFileName().toString(), (done, total) -> {
                            bar.compareAndSet(null, new ProgressBar(System.out, total, "rows"));
                            bar.get().update(done);
                        });
            } catch (NoSuchFileException e) {
                System.err.println("No file " + file + ".");
                return 1;
            } catch (IOException e) {
                System.err.println("Could not read " + file + ": " + e.getMessage());
                return 1;
            } catch (InvalidInputException e) {
                System.err.println(file + ": " + e.getMessage());
                return 1;
            }
            if (bar.get() != null) {
                bar.get().done();
            }
            System.out.printf("%s: %s%n", file.getFileName(), report);
            for (RowProblem problem : report.refused()) {
                System.out.println("  " + problem);
            }
            return report.refused().isEmpty() ? 0 : 3;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists a council's devices, by id.")
    static final class ListCommand implements Callable<Integer> {

        @Option(names = "--tenant", required = true, description = "The council.")
        String tenant;

        @Option(names = "--kind", description = "Only this kind (parking-bay, bin, ...).")
        String kind;

        @Option(names = "--gateway", description = "Only this gateway's devices.")
        String gateway;

        @Option(names = "--limit", defaultValue = "100", description = "The most devices (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            try (HikariDataSource dataSource = database()) {
                DevicePage page = new Devices(dataSource)
                        .search(tenant, new DeviceSearch(kind, gateway, null, null, null, null, limit));
                for (Device d : page.devices()) {
                    System.out.printf(
                            "%-16s %-16s %-12s %-10s %-12s %s%n",
                            d.id(),
                            d.kind(),
                            d.gateway(),
                            d.status().code(),
                            d.firmwareVersion() == null ? "" : d.firmwareVersion(),
                            d.profile() == null ? "" : d.profile());
                }
                if (page.next() != null) {
                    System.out.println("(more after " + page.next() + ")");
                }
            } catch (InvalidInputException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            return 0;
        }
    }
}
