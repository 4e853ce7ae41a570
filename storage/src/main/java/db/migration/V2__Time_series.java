package db.migration;

import city.mycity.storage.timeseries.TimeSeriesLayout;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 2: lays the reading table out for time series, as TimescaleDB when the server has it, natively
 * otherwise (see {@link TimeSeriesLayout}). In {@code db.migration} so that {@code classpath:db/migration} finds it
 * next to the SQL migrations.
 */
public class V2__Time_series extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        TimeSeriesLayout.apply(context.getConnection());
    }
}
