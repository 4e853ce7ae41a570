package city.mycity.gateway.registry;

import city.mycity.citymodel.CityModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a {@link CityModel} (its tenant, zones, gateways, car parks and devices) into the registry tables, in one
 * transaction and in JDBC batches. Idempotent: rows are upserted and updated only where a value differs, so
 * registering the same city again changes nothing and reports {@link RegistrationCounts#changed()} 0. Rows that the
 * model no longer has are left in place.
 */
public final class CityRegistration {

    /** The default JDBC batch size. */
    public static final int DEFAULT_BATCH_SIZE = 500;

    private static final Logger LOGGER = LoggerFactory.getLogger(CityRegistration.class);

    private final DataSource dataSource;
    private final int batchSize;

    private CityRegistration(DataSource dataSource, int batchSize) {
        this.dataSource = dataSource;
        this.batchSize = batchSize;
    }

    /** A registration on a migrated database, with batches of {@value #DEFAULT_BATCH_SIZE} rows. */
    public static CityRegistration on(DataSource dataSource) {
        return new CityRegistration(
                Objects.requireNonNull(dataSource, "Data source must not be null."), DEFAULT_BATCH_SIZE);
    }

    /** This registration with another JDBC batch size. By default, {@value #DEFAULT_BATCH_SIZE}. */
    public CityRegistration withBatchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("Batch size must be at least 1, was " + size + ".");
        }
        return new CityRegistration(dataSource, size);
    }

    /** Registers the city; all or nothing. */
    public RegistrationCounts register(CityModel city) {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                RegistrationCounts counts = write(c, city, started);
                c.commit();
                LOGGER.info("Registered {}", counts);
                return counts;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not register city " + city.tenant() + " (is the database migrated?): " + e.getMessage(), e);
        }
    }

    private RegistrationCounts write(Connection c, CityModel city, long started) throws SQLException {
        String tenant = city.tenant();
        TableCount tenants = new TableCount(1, RegistryTables.TENANT.write(c, List.of(city), batchSize));
        TableCount zones =
                count(city.zones().size(), RegistryTables.zones(tenant).write(c, city.zones(), batchSize));
        TableCount gateways =
                count(city.gateways().size(), RegistryTables.gateways(tenant).write(c, city.gateways(), batchSize));
        TableCount carParks =
                count(city.carParks().size(), RegistryTables.carParks(tenant).write(c, city.carParks(), batchSize));
        TableCount devices =
                count(city.devices().size(), RegistryTables.devices().write(c, city.devices(), batchSize));
        return new RegistrationCounts(
                tenant, tenants, zones, gateways, carParks, devices, Duration.ofNanos(System.nanoTime() - started));
    }

    private static TableCount count(int registered, int changed) {
        return new TableCount(registered, changed);
    }
}
