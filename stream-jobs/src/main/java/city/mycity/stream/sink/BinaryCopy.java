package city.mycity.stream.sink;

import city.mycity.reading.Reading;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Readings in PostgreSQL's binary {@code COPY} format, for the columns {@link #COLUMNS} of {@code reading}: the
 * signature and header, then per row the field count and each field's length and bytes (network byte order; {@code
 * timestamptz} as microseconds since 2000-01-01 UTC), then the trailer. Public for the bench module.
 */
public final class BinaryCopy {

    public static final String COLUMNS = "(tenant_id, device_id, quantity, time, value, unit, seq, received_at)";

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in microseconds since 1970. */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    private BinaryCopy() {}

    /** Copies the rows into {@code table} (which has the {@link #COLUMNS}), in their order; returns the rows copied. */
    public static long copyInto(Connection connection, String table, List<Reading> rows) throws SQLException {
        byte[] stream = encode(rows);
        CopyIn copy = connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("COPY " + table + " " + COLUMNS + " FROM STDIN (FORMAT binary)");
        try {
            copy.writeToCopy(stream, 0, stream.length);
            return copy.endCopy();
        } catch (SQLException e) {
            cancel(copy, e);
            throw e;
        } finally {
            if (copy.isActive()) {
                cancel(copy, null);
            }
        }
    }

    /** Cancels a copy still in progress; a failure to cancel joins {@code cause} rather than hiding it. */
    private static void cancel(CopyIn copy, SQLException cause) throws SQLException {
        if (!copy.isActive()) {
            return;
        }
        try {
            copy.cancelCopy();
        } catch (SQLException e) {
            if (cause == null) {
                throw e;
            }
            cause.addSuppressed(e);
        }
    }

    /** The whole COPY stream of these rows. */
    public static byte[] encode(List<Reading> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rows.size() * 110 + 32);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(SIGNATURE);
            out.writeInt(0); // flags
            out.writeInt(0); // header extension length
            for (Reading row : rows) {
                out.writeShort(8);
                text(out, row.tenant());
                text(out, row.device());
                text(out, row.quantity());
                time(out, row.time());
                out.writeInt(8);
                out.writeDouble(row.value());
                text(out, row.unit());
                out.writeInt(8);
                out.writeLong(row.sequence());
                time(out, row.receivedAt());
            }
            out.writeShort(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static void time(DataOutputStream out, Instant time) throws IOException {
        out.writeInt(8);
        out.writeLong(time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000 - POSTGRES_EPOCH_MICROS);
    }
}
