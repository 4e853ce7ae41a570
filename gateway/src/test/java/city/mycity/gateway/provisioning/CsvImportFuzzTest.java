package city.mycity.gateway.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.gateway.exception.InvalidInputException;
import city.mycity.gateway.registry.DeviceDraft;
import city.mycity.gateway.registry.DeviceStatus;
import city.mycity.reading.Identifiers;
import city.mycity.reading.SensorKind;
import city.mycity.reading.fuzz.Fuzz;
import city.mycity.reading.fuzz.Gen;
import city.mycity.reading.fuzz.Mutations;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The operators' CSV import of devices ({@link DeviceImport}), up to the registry's database: {@link CsvRows} on every
 * text, and {@link DeviceColumns} on every header and row. A file is read as rows or refused naming one of its lines; a
 * header is read or refused naming a column; a row is a draft that holds the registry's rules, or refused with a
 * reason. Nothing else escapes.
 */
class CsvImportFuzzTest {

    private static final Pattern LINE = Pattern.compile("(?s)Line (\\d+): .+");

    private static List<CsvRows.Row> read(String text) {
        try {
            return new CsvRows(new StringReader(text)).readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void every_text_is_read_as_rows_or_refused_naming_one_of_its_lines() {
        Gen<String> texts = Gen.oneOf(
                CsvFiles.brokenDeviceFiles(),
                Gen.strings(2_000),
                Gen.utf8(Gen.strings(200)).map(b -> new String(b, StandardCharsets.UTF_8)),
                Gen.bytes(2_000).map(b -> new String(b, StandardCharsets.UTF_8)));
        Fuzz.forAll(texts).check(text -> {
            long lines = 1
                    + text.chars().filter(c -> c == '\n').count()
                    + text.replace("\r\n", "").chars().filter(c -> c == '\r').count();
            List<CsvRows.Row> rows;
            try {
                rows = read(text);
            } catch (CsvRows.CsvException e) {
                Fuzz.collect("refused");
                Matcher line = LINE.matcher(e.getMessage());
                assertThat(line.matches()).as(e.getMessage()).isTrue();
                assertThat(Long.parseLong(line.group(1))).isBetween(1L, lines);
                return;
            }
            Fuzz.collect("read");
            int previous = 0;
            for (CsvRows.Row row : rows) {
                assertThat(row.line()).isGreaterThan(previous).isLessThanOrEqualTo((int) lines);
                previous = row.line();
                assertThat(row.fields()).isNotEmpty().hasSizeLessThanOrEqualTo(CsvRows.MAX_FIELDS);
                assertThat(row.fields())
                        .allSatisfy(field -> assertThat(field.length()).isLessThanOrEqualTo(CsvRows.MAX_FIELD));
                assertThat(row.fields()).as("a blank line is left out").isNotEqualTo(List.of(""));
            }
        });
    }

    @Test
    void every_table_reads_back_as_written_each_row_with_the_line_it_starts_on() {
        Gen<Written> written = random -> {
            List<List<String>> table = CsvFiles.tables().next(random);
            return new Written(table, CsvFiles.write(table, random));
        };
        Fuzz.forAll(written).check(w -> {
            List<CsvRows.Row> expected = new ArrayList<>();
            int line = 1;
            for (List<String> row : w.table()) {
                if (!row.equals(List.of(""))) {
                    expected.add(new CsvRows.Row(line, row));
                }
                line += 1
                        + (int) String.join("", row)
                                .chars()
                                .filter(c -> c == '\n')
                                .count();
            }
            assertThat(read(w.text())).isEqualTo(expected);
        });
    }

    /** A table and its text. */
    private record Written(List<List<String>> table, String text) {
        @Override
        public String toString() {
            return Fuzz.show(text);
        }
    }

    @Test
    void a_header_is_read_when_it_names_each_required_column_once_and_no_other_and_a_valid_row_under_it_is_a_draft() {
        Gen<String> known = Gen.pick(Stream.concat(DeviceColumns.REQUIRED.stream(), DeviceColumns.OPTIONAL.stream())
                .toList());
        Gen<String> name = Gen.oneOf(
                known,
                known,
                known,
                random -> CsvFiles.spelled(known.next(random), random),
                Gen.pick("name", "lat", "lon", "", "id2", "install_date", "ｉｄ", "i_d", "Kind "),
                Gen.strings(10));
        Gen<List<String>> headers = random -> {
            List<String> header = new ArrayList<>(DeviceColumns.REQUIRED);
            header.replaceAll(c -> CsvFiles.spelled(c, random));
            Gen.lists(name, 0, 6).next(random).forEach(n -> header.add(random.nextInt(header.size() + 1), n));
            if (random.nextInt(4) == 0) {
                header.remove(random.nextInt(header.size()));
            }
            if (random.nextInt(8) == 0) {
                header.set(0, "\ufeff" + header.get(0));
            }
            return header;
        };
        Fuzz.forAll(headers).check(header -> {
            List<String> columns = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                columns.add(canonical(i == 0 ? header.get(i).replace("\ufeff", "") : header.get(i)));
            }
            boolean readable = !columns.contains(null)
                    && new HashSet<>(columns).size() == columns.size()
                    && columns.containsAll(DeviceColumns.REQUIRED);
            DeviceColumns read;
            try {
                read = DeviceColumns.of(header);
            } catch (InvalidInputException e) {
                Fuzz.collect("refused");
                assertThat(readable).as("refused: %s", e.getMessage()).isFalse();
                assertThat(e.getMessage()).isNotBlank();
                return;
            }
            Fuzz.collect("read");
            assertThat(readable).isTrue();
            java.util.SplittableRandom random = new java.util.SplittableRandom(header.hashCode());
            List<String> row =
                    columns.stream().map(c -> CsvFiles.validValue(c, random)).toList();
            assertHolds(read.draft(row), columns, row);
        });
    }

    /** The documented column a header's name stands for, or {@code null}. */
    private static String canonical(String name) {
        String normal = name.trim().toLowerCase(Locale.ROOT).replace("_", "");
        return Stream.concat(DeviceColumns.REQUIRED.stream(), DeviceColumns.OPTIONAL.stream())
                .filter(c -> c.replace("_", "").equals(normal))
                .findFirst()
                .orElse(null);
    }

    /** The draft holds each value of the row, from its column. */
    private static void assertHolds(DeviceDraft draft, List<String> columns, List<String> row) {
        Map<String, Object> held = new java.util.HashMap<>();
        held.put("id", draft.id());
        held.put("gateway", draft.gateway());
        held.put("kind", draft.kind());
        held.put("zone", draft.zone());
        held.put("site", draft.site());
        held.put("latitude", draft.latitude());
        held.put("longitude", draft.longitude());
        held.put("vendor", draft.vendor());
        held.put("profile", draft.profile());
        held.put("installed_on", draft.installedOn());
        held.put("status", draft.status());
        held.put("firmware_version", draft.firmwareVersion());
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            String text = row.get(i).trim();
            Object expected =
                    switch (column) {
                        case "latitude", "longitude" -> Double.parseDouble(text);
                        case "installed_on" -> text.isEmpty() ? null : LocalDate.parse(text);
                        case "status" ->
                            text.isEmpty()
                                    ? DeviceStatus.ACTIVE
                                    : DeviceStatus.fromCode(text.toLowerCase(Locale.ROOT))
                                            .orElseThrow();
                        default -> text.isEmpty() ? null : text;
                    };
            assertThat(held.get(column)).as(column).isEqualTo(expected);
        }
        if (!columns.contains("status")) {
            assertThat(draft.status()).isEqualTo(DeviceStatus.ACTIVE);
        }
    }

    @Test
    void every_row_of_a_device_file_is_a_draft_that_keeps_the_registry_rules_or_refused_with_a_reason() {
        Fuzz.forAll(Gen.oneOf(CsvFiles.deviceFiles(), CsvFiles.brokenDeviceFiles()))
                .check(text -> {
                    List<CsvRows.Row> rows;
                    DeviceColumns columns;
                    try {
                        rows = read(text);
                        if (rows.isEmpty()) {
                            Fuzz.collect("empty");
                            return;
                        }
                        columns = DeviceColumns.of(rows.get(0).fields());
                    } catch (CsvRows.CsvException | InvalidInputException e) {
                        Fuzz.collect("file refused");
                        assertThat(e.getMessage()).isNotBlank();
                        return;
                    }
                    for (CsvRows.Row row : rows.subList(1, rows.size())) {
                        DeviceDraft draft;
                        try {
                            draft = columns.draft(row.fields());
                        } catch (InvalidInputException e) {
                            Fuzz.collect("row refused");
                            assertThat(e.getMessage()).isNotBlank();
                            continue;
                        }
                        Fuzz.collect("draft");
                        assertKeepsTheRules(draft);
                    }
                });
    }

    /** What the registry holds of every device: identifiers, a kind, a place on the globe, a status, plain text. */
    private static void assertKeepsTheRules(DeviceDraft d) {
        assertThat(Identifiers.isValid(d.id())).as("id %s", d.id()).isTrue();
        assertThat(Identifiers.isValid(d.gateway()))
                .as("gateway %s", d.gateway())
                .isTrue();
        assertThat(Identifiers.isValid(d.zone())).as("zone %s", d.zone()).isTrue();
        assertThat(d.site() == null || Identifiers.isValid(d.site()))
                .as("site %s", d.site())
                .isTrue();
        assertThat(SensorKind.fromCode(d.kind())).as("kind %s", d.kind()).isPresent();
        assertThat(d.latitude()).isBetween(-90.0, 90.0);
        assertThat(d.longitude()).isBetween(-180.0, 180.0);
        assertThat(d.status()).isNotNull();
        for (String text : new String[] {d.vendor(), d.profile(), d.firmwareVersion()}) {
            assertThat(text == null || (text.length() <= 200 && text.chars().noneMatch(Character::isISOControl)))
                    .as("text %s", text)
                    .isTrue();
        }
        assertThat(d.installedOn() == null || d.installedOn().getYear() >= 1990)
                .as("installed on %s", d.installedOn())
                .isTrue();
    }

    /**
     * CSV files as operators' spreadsheets write them: tables of any text written as RFC 4180 says (quoted where it must
     * be, and now and then where it need not be), device files with their header in any order and case, and both broken in
     * their bytes.
     */
    static final class CsvFiles {

        /** Tokens that matter to a CSV reader, and to the device columns. */
        static final List<String> TOKENS = List.of(
                ",",
                "\"",
                "\"\"",
                "\n",
                "\r",
                "\r\n",
                ",,,,",
                "\"\n\"",
                "\ufeff",
                "\u0000",
                "\u2028",
                "-",
                ".",
                "999",
                "1e3",
                "NaN",
                "x".repeat(CsvRows.MAX_FIELD + 1),
                ",".repeat(CsvRows.MAX_FIELDS + 1));

        private static final String CELL_CHARACTERS = "a,\"\r\n x\u00e9";

        private CsvFiles() {}

        /** Tables of up to 12 rows of up to 8 fields of any text: short texts full of commas, quotes and line breaks. */
        static Gen<List<List<String>>> tables() {
            Gen<String> cell = Gen.oneOf(Gen.strings(CELL_CHARACTERS, 12), Gen.strings(30), Gen.constant(""));
            return Gen.lists(Gen.lists(cell, 1, 8), 0, 12);
        }

        /**
         * The table as a spreadsheet writes it: each row ends with the file's line break ({@code \n}, {@code \r\n} or
         * {@code \r}; the last one now and then without), a field is quoted when it holds a comma, a quote or a line break,
         * and now and then when it does not.
         */
        static String write(List<List<String>> rows, SplittableRandom random) {
            String lineBreak = Gen.pick("\n", "\r\n", "\r").next(random);
            StringBuilder text = new StringBuilder();
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                for (int f = 0; f < row.size(); f++) {
                    if (f > 0) {
                        text.append(',');
                    }
                    String field = row.get(f);
                    boolean quote = field.contains(",")
                            || field.contains("\"")
                            || field.contains("\n")
                            || field.contains("\r")
                            || random.nextInt(4) == 0;
                    text.append(quote ? '"' + field.replace("\"", "\"\"") + '"' : field);
                }
                if (r < rows.size() - 1 || random.nextBoolean()) {
                    text.append(lineBreak);
                }
            }
            return text.toString();
        }

        /** Device files: a header of the required columns and some optional ones, then rows of mostly valid values. */
        static Gen<String> deviceFiles() {
            return random -> {
                List<String> columns = new ArrayList<>(DeviceColumns.REQUIRED);
                DeviceColumns.OPTIONAL.stream()
                        .filter(c -> random.nextBoolean())
                        .forEach(columns::add);
                Collections.shuffle(columns, new java.util.Random(random.nextLong()));
                List<List<String>> rows = new ArrayList<>();
                rows.add(new ArrayList<>(
                        columns.stream().map(c -> spelled(c, random)).toList()));
                if (random.nextInt(8) == 0) {
                    rows.get(0).set(0, "\ufeff" + rows.get(0).get(0));
                }
                for (int i = random.nextInt(13); i > 0; i--) {
                    Map<String, String> values = new LinkedHashMap<>();
                    columns.forEach(
                            c -> values.put(c, random.nextInt(6) == 0 ? anyValue(c, random) : validValue(c, random)));
                    List<String> row = new ArrayList<>(values.values());
                    if (random.nextInt(20) == 0) {
                        row = row.subList(0, random.nextInt(row.size()));
                    }
                    rows.add(row.isEmpty() ? List.of("") : row);
                }
                return write(rows, random);
            };
        }

        /** Device files, and device files broken in 1 to 4 places of their bytes (read back as UTF-8). */
        static Gen<String> brokenDeviceFiles() {
            return Mutations.mutated(Gen.utf8(deviceFiles()), TOKENS, 64 * 1024)
                    .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
        }

        /** A column's name as people write it: as documented, in capitals, in camel case, with spaces around. */
        static String spelled(String column, SplittableRandom random) {
            return switch (random.nextInt(5)) {
                case 0 -> column.toUpperCase(Locale.ROOT);
                case 1 -> camelCase(column);
                case 2 -> " " + column + " ";
                default -> column;
            };
        }

        private static String camelCase(String column) {
            StringBuilder out = new StringBuilder();
            for (String part : column.split("_")) {
                out.append(out.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
            }
            return out.toString();
        }

        /** A value the column takes. */
        static String validValue(String column, SplittableRandom random) {
            return switch (column) {
                case "id" -> "dev-" + random.nextInt(1000);
                case "gateway" -> Gen.pick("g1", "gw-z-a1").next(random);
                case "kind" ->
                    Gen.pick(Arrays.stream(SensorKind.values())
                                    .map(SensorKind::code)
                                    .toList())
                            .next(random);
                case "zone" -> Gen.pick("z1", "z-a2").next(random);
                case "site" -> Gen.pick("", "cp1").next(random);
                case "latitude" -> decimal(random, 90);
                case "longitude" -> decimal(random, 180);
                case "vendor" ->
                    Gen.pick("Acme, Inc.", "Nedap", "O'Brien & Sons (NL)", "").next(random);
                case "profile" ->
                    Gen.pick("ultrasonic-bin depth-mm=1100", "puck model=2", "").next(random);
                case "installed_on" -> Gen.pick("2026-05-04", "1990-01-01", "").next(random);
                case "status" ->
                    Gen.pick("planned", "Active", "MAINTENANCE", "retired", "").next(random);
                default -> Gen.pick("2.4.0", "").next(random);
            };
        }

        /** A value of any kind: numbers out of range or written otherwise, unknown words, dates of no day, any text. */
        static String anyValue(String column, SplittableRandom random) {
            return Gen.oneOf(
                            Gen.pick(
                                    "95.0",
                                    "-180.0000001",
                                    "1e3",
                                    "NaN",
                                    "Infinity",
                                    "-0",
                                    "+1.5",
                                    "1.1234567890123456",
                                    "1234",
                                    "\u0663",
                                    "",
                                    " ",
                                    "BIN 7",
                                    "toaster",
                                    "gateway",
                                    "05/04/2026",
                                    "2026-02-30",
                                    "+999999999-12-31",
                                    "1989-12-31",
                                    "2999-01-01",
                                    "broken",
                                    "a\u0000b",
                                    "x".repeat(201)),
                            Gen.strings(40),
                            random2 -> validValue(column, random2) + Gen.character(random2))
                    .next(random);
        }

        private static String decimal(SplittableRandom random, int limit) {
            double value = (random.nextDouble() * 2 - 1) * limit;
            return String.format(Locale.ROOT, "%." + random.nextInt(0, 8) + "f", value);
        }
    }
}
