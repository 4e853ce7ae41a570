package db.migration;

import city.mycity.storage.timeseries.RollupsLayout;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 9: storage as data grows (see {@link RollupsLayout}). Outside Flyway's transaction, because
 * TimescaleDB creates continuous aggregates only outside one; the native path runs in a transaction of its own.
 */
public class V9__Rollups_and_retention extends BaseJavaMigration {

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws Exception {
        RollupsLayout.apply(context.getConnection());
    }
}
