package city.mycity.stream.sink;

import io.micrometer.core.instrument.Counter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The rows of one batch that the database refused on their own, with the data error of each. */
final class RowFailures {

    private static final Logger LOGGER = LoggerFactory.getLogger(RowFailures.class);

    private final List<SQLException> errors = new ArrayList<>();

    void add(SQLException error) {
        errors.add(error);
    }

    /** Whether all {@code batchSize} rows failed, all with the same SQLSTATE. */
    boolean everyRowFailedAlike(int batchSize) {
        if (errors.size() != batchSize || errors.isEmpty()) {
            return false;
        }
        String state = firstState();
        return errors.stream().allMatch(e -> Objects.equals(SqlErrors.state(e), state));
    }

    String firstState() {
        return errors.isEmpty() ? null : SqlErrors.state(errors.get(0));
    }

    String firstSummary() {
        return errors.isEmpty() ? "" : SqlErrors.summary(errors.get(0));
    }

    /** Drops the failed rows: each is logged (SQLSTATE and the server's reason, never the row) and counted. */
    void log(BatchStatement<?> statement, JdbcConnector connector, Counter failed) {
        for (SQLException error : errors) {
            failed.increment();
            LOGGER.warn(
                    "{} dropped a row that {} cannot store (SQLSTATE {}): {}",
                    statement.getClass().getSimpleName(),
                    connector,
                    SqlErrors.state(error),
                    SqlErrors.summary(error));
        }
    }
}
