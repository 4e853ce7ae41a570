package city.mycity.analytics.parking.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads car-park occupancy in the format of Birmingham's open data (UCI "Parking Birmingham"):
 * {@code SystemCodeNumber,Capacity,Occupancy,LastUpdated}, times as {@code yyyy-MM-dd HH:mm:ss} on the city's clock.
 *
 * <p>The data is taken as given: rows with an occupancy above the capacity or below zero are kept (and counted); an
 * exact duplicate of an earlier row is the same reading twice, so one copy is kept (and the others counted); a row that
 * cannot be read at all (a missing field, a number that is not one) is skipped and counted with its line number.
 */
public final class BirminghamCsv {

    public static final String HEADER = "SystemCodeNumber,Capacity,Occupancy,LastUpdated";
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** What a file held. */
    public record Contents(
            Path file,
            List<ParkingRecord> records,
            long overCapacity,
            long belowZero,
            long duplicates,
            List<String> unreadable) {

        /** A line on the file's rows, for a report. */
        public String summary() {
            return String.format(
                    "%s: %,d readings (%,d above capacity, %,d below zero, kept as given; %,d exact duplicates"
                            + " dropped; %,d unreadable rows skipped)",
                    file.getFileName(), records.size(), overCapacity, belowZero, duplicates, unreadable.size());
        }
    }

    private BirminghamCsv() {}

    public static Contents read(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || !header.strip().equals(HEADER)) {
                throw new IllegalArgumentException(
                        file + " is not a car-park occupancy file: its first line should be '" + HEADER + "', but is '"
                                + header + "'");
            }
            Set<String> seen = new LinkedHashSet<>();
            List<ParkingRecord> records = new ArrayList<>();
            List<String> unreadable = new ArrayList<>();
            long over = 0;
            long below = 0;
            long duplicates = 0;
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                ParkingRecord record = parse(line);
                if (record == null) {
                    unreadable.add("line " + number + ": " + line);
                } else if (!seen.add(line.strip())) {
                    duplicates++;
                } else {
                    records.add(record);
                    over += record.occupancy() > record.capacity() ? 1 : 0;
                    below += record.occupancy() < 0 ? 1 : 0;
                }
            }
            return new Contents(file, List.copyOf(records), over, below, duplicates, List.copyOf(unreadable));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static ParkingRecord parse(String line) {
        String[] fields = line.split(",", -1);
        if (fields.length != 4 || fields[0].isBlank()) {
            return null;
        }
        try {
            String time = fields[3].strip();
            return new ParkingRecord(
                    fields[0].strip(),
                    Integer.parseInt(fields[1].strip()),
                    Integer.parseInt(fields[2].strip()),
                    LocalDateTime.parse(time, TIME),
                    time);
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }
}
