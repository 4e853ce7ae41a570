package city.mycity.launcher;

import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.CityModels;
import city.mycity.gateway.registry.CityRegistration;
import city.mycity.gateway.registry.RegistrationCounts;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mycity register}: a council on the platform, with its city model's zones, gateways, car parks and devices. */
@Command(
        name = "register",
        mixinStandardHelpOptions = true,
        header = "Registers a council and its city: zones, gateways, car parks and devices.",
        description = {
            "From an OpenStreetMap extract (--osm FILE, the council named by --tenant or after the file) or the",
            "generated town (--seed). Idempotent: registering again changes only what differs. Then add the",
            "council's staff (./mycity accounts add --tenant ...) and its devices (./mycity devices import ...).",
            "Reads MYCITY_JDBC_URL, MYCITY_DB_USER and MYCITY_DB_PASSWORD (an account that writes the registry)."
        })
final class RegisterCommand implements Callable<Integer> {

    @Option(names = "--osm", paramLabel = "FILE", description = "An OpenStreetMap extract (.osm, .osm.gz, .osm.pbf).")
    Path osm;

    @Option(names = "--tenant", description = "The council's identifier (with --osm; default: from the file name).")
    String tenant;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "The generated town's seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        if (osm != null && !Files.isRegularFile(osm)) {
            System.err.println("No file " + osm + ".");
            return 1;
        }
        CityModel city = osm == null
                ? CityModels.generated(seed)
                : tenant == null ? CityModels.openStreetMap(osm) : CityModels.openStreetMap(osm, tenant);
        try (HikariDataSource registry = CommandDatabase.pool("mycity-register", 2)) {
            RegistrationCounts counts = CityRegistration.on(registry).register(city);
            System.out.printf("Registered %s%n", counts);
            return 0;
        }
    }
}
