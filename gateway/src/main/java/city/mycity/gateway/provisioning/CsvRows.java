package city.mycity.gateway.provisioning;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 writes it: fields separated by commas, a field in double quotes may hold commas, line breaks
 * and doubled quotes; lines end with CRLF or LF. Each row remembers the line it starts on, so that a problem can name
 * it. A field is at most {@value #MAX_FIELD} characters and a row at most {@value #MAX_FIELDS} fields, so that a
 * broken file cannot take all the memory.
 */
public final class CsvRows {

    public static final int MAX_FIELD = 4096;
    public static final int MAX_FIELDS = 64;

    /** A row and the line it starts on (1 is the file's first line). */
    public record Row(int line, List<String> fields) {}

    /** The file is not CSV; the message says where. */
    public static final class CsvException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CsvException(String message) {
            super(message);
        }
    }

    private final Reader in;
    private int line = 1;
    private int peeked = -2;

    public CsvRows(Reader in) {
        this.in = in;
    }

    /** Every row, blank lines left out. */
    public List<Row> readAll() throws IOException {
        List<Row> rows = new ArrayList<>();
        Row row;
        while ((row = next()) != null) {
            if (!(row.fields().size() == 1 && row.fields().get(0).isEmpty())) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** The next row, or {@code null} at the end. */
    public Row next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        int start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new CsvException("Line " + start + ": a quoted field is not closed.");
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        append(field, '"', start);
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    append(field, (char) c, start);
                }
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',' || c == '\n' || c == '\r' || c == -1) {
                fields.add(field.toString());
                if (fields.size() > MAX_FIELDS) {
                    throw new CsvException("Line " + start + ": more than " + MAX_FIELDS + " fields.");
                }
                field.setLength(0);
                wasQuoted = false;
                if (c != ',') {
                    if (c == '\r') {
                        int n = read();
                        if (n != '\n') {
                            peeked = n;
                        }
                    }
                    if (c != -1) {
                        line++;
                    }
                    return new Row(start, List.copyOf(fields));
                }
            } else if (wasQuoted) {
                throw new CsvException("Line " + line + ": text after a closing quote.");
            } else {
                append(field, (char) c, start);
            }
            c = read();
        }
    }

    private static void append(StringBuilder field, char c, int line) {
        if (field.length() >= MAX_FIELD) {
            throw new CsvException("Line " + line + ": a field is longer than " + MAX_FIELD + " characters.");
        }
        field.append(c);
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        return in.read();
    }
}
