package city.mycity.bench.history;

import city.mycity.storage.timeseries.StorageMaintenance;
import java.time.Duration;
import java.util.Locale;

/** What the history bench measured, and its report. */
public record HistoryFigures(
        long stored,
        HistoryShape shape,
        Latencies sensorWeek,
        Latencies zoneMonth,
        Latencies rawSensorWeek,
        Latencies rawZoneMonth,
        long lateReadings,
        StorageMaintenance.Report refreshReport,
        Duration refresh) {

    /** Issue 7's targets: p99 of a sensor's week and of a zone's month, at hourly resolution. */
    static final double SENSOR_WEEK_TARGET_MS = 50;

    static final double ZONE_MONTH_TARGET_MS = 200;

    /** The report in Markdown: the store, the table of latencies against the targets, the refresh. */
    public String markdown(String commandLine, String machine, String database) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "`%s` on %s; %s.%n%n", commandLine, machine, database));
        md.append(String.format(
                Locale.ROOT,
                "Store: %,d readings (%,d fill sensors in %d zones, one reading every %d min for %d days), in weekly"
                        + " partitions, with their 1-minute and 1-hour rollups. Latency from the client (JDBC round"
                        + " trip included), one query at a time, random sensor or zone and start hour, after a"
                        + " warm-up.%n%n",
                stored,
                shape.devices(),
                shape.zones(),
                shape.interval().toMinutes(),
                shape.days()));
        md.append("| query | from | queries | rows each | p50 ms | p90 ms | p99 ms | max ms | target p99 |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        row(md, "a sensor's week, hourly", "reading_1h", sensorWeek, verdict(sensorWeek, SENSOR_WEEK_TARGET_MS));
        row(md, "a zone's month, hourly", "reading_1h", zoneMonth, verdict(zoneMonth, ZONE_MONTH_TARGET_MS));
        row(md, "a sensor's week, hourly", "raw readings (ceiling)", rawSensorWeek, "-");
        row(md, "a zone's month, hourly", "raw readings (ceiling)", rawZoneMonth, "-");
        md.append(String.format(
                Locale.ROOT,
                "%nKeeping the rollups up to date: %,d readings of an hour of yesterday stored late, then one"
                        + " maintenance run took %,d ms (%s).%n",
                lateReadings,
                refresh.toMillis(),
                refreshReport));
        return md.toString();
    }

    private static String verdict(Latencies latencies, double targetMs) {
        return String.format(Locale.ROOT, "≤ %.0f ms: %s", targetMs, latencies.p99() <= targetMs ? "met" : "missed");
    }

    private static void row(StringBuilder md, String query, String from, Latencies l, String target) {
        md.append(String.format(
                Locale.ROOT,
                "| %s | %s | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %s |%n",
                query,
                from,
                l.count(),
                l.rowsPerQuery(),
                l.p50(),
                l.p90(),
                l.p99(),
                l.max(),
                target));
    }
}
