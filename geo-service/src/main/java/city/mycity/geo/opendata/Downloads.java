package city.mycity.geo.opendata;

import io.vertx.core.json.Json;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;

/**
 * A dataset's rows, streamed from a database cursor into CSV (RFC 4180, with a header) or GeoJSON (a FeatureCollection
 * of points): one fetch of rows at a time, never the whole dataset in memory. Blocking: runs on a worker thread.
 */
final class Downloads {

    /** Rows read from the database at a time. */
    static final int FETCH = 2000;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final DataSource dataSource;
    private final String tenant;

    Downloads(DataSource dataSource, String tenant) {
        this.dataSource = dataSource;
        this.tenant = tenant;
    }

    /** Writes the rows of the dataset (within [from, to) when it has a window) to the sink; how many. */
    long write(Dataset dataset, Instant from, Instant to, boolean geojson, ChunkedSink sink)
            throws SQLException, InterruptedException {
        try (Connection c = dataSource.getConnection()) {
            // A cursor needs a transaction: PostgreSQL's driver then fetches FETCH rows at a time.
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(dataset.rows())) {
                ps.setFetchSize(FETCH);
                ps.setString(1, tenant);
                if (dataset.windowed()) {
                    ps.setTimestamp(2, Timestamp.from(from));
                    ps.setTimestamp(3, Timestamp.from(to));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return geojson ? geojson(dataset, rs, sink) : csv(dataset, rs, sink);
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private static long csv(Dataset dataset, ResultSet rs, ChunkedSink sink) throws SQLException, InterruptedException {
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        StringBuilder line = new StringBuilder(256);
        for (int i = 1; i <= columns; i++) {
            if (i > 1) {
                line.append(',');
            }
            line.append(meta.getColumnLabel(i));
        }
        sink.append(line.append("\r\n"));
        long rows = 0;
        while (rs.next()) {
            line.setLength(0);
            for (int i = 1; i <= columns; i++) {
                if (i > 1) {
                    line.append(',');
                }
                String value = text(rs.getObject(i));
                if (value != null) {
                    quoted(line, value);
                }
            }
            sink.append(line.append("\r\n"));
            rows++;
        }
        sink.end();
        return rows;
    }

    private static long geojson(Dataset dataset, ResultSet rs, ChunkedSink sink)
            throws SQLException, InterruptedException {
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        sink.append("{\"type\":\"FeatureCollection\",\"features\":[");
        StringBuilder feature = new StringBuilder(512);
        long rows = 0;
        while (rs.next()) {
            feature.setLength(0);
            if (rows > 0) {
                feature.append(',');
            }
            Object lat = rs.getObject("latitude");
            Object lon = rs.getObject("longitude");
            feature.append("{\"type\":\"Feature\",\"geometry\":");
            if (lat == null || lon == null) {
                feature.append("null");
            } else {
                feature.append("{\"type\":\"Point\",\"coordinates\":[")
                        .append(number(lon))
                        .append(',')
                        .append(number(lat))
                        .append("]}");
            }
            feature.append(",\"properties\":{");
            boolean first = true;
            for (int i = 1; i <= columns; i++) {
                String label = meta.getColumnLabel(i);
                if (label.equals("latitude") || label.equals("longitude")) {
                    continue;
                }
                if (!first) {
                    feature.append(',');
                }
                first = false;
                Object value = rs.getObject(i);
                feature.append(Json.encode(label)).append(':');
                if (value instanceof Number n) {
                    feature.append(number(n));
                } else if (value instanceof Boolean b) {
                    feature.append(b);
                } else {
                    String text = text(value);
                    feature.append(text == null ? "null" : Json.encode(text));
                }
            }
            sink.append(feature.append("}}"));
            rows++;
        }
        sink.append("]}");
        sink.end();
        return rows;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return TIME.format(t.toInstant().atOffset(ZoneOffset.UTC));
        }
        if (value instanceof Number n) {
            return number(n);
        }
        return value.toString();
    }

    private static String number(Object value) {
        if (value instanceof Double d) {
            return Double.isFinite(d)
                    ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()
                    : "null";
        }
        if (value instanceof Float f) {
            return Float.isFinite(f)
                    ? BigDecimal.valueOf(f).stripTrailingZeros().toPlainString()
                    : "null";
        }
        if (value instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private static void quoted(StringBuilder line, String value) {
        boolean quote = value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        if (!quote) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }
}
