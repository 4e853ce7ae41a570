package city.mycity.analytics.traffic.eval;

import city.mycity.analytics.traffic.HourlyVolumes;
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
import java.util.List;

/**
 * Reads hourly traffic counts in the format of the UCI "Metro Interstate Traffic Volume" data (Minnesota DoT, I-94):
 * {@code holiday,temp,rain_1h,snow_1h,clouds_all,weather_main,weather_description,date_time,traffic_volume}, the hour's
 * start as {@code yyyy-MM-dd HH:mm:ss}. The data is taken as given: an hour listed more than once (one row per weather
 * condition) keeps its first count, and the repeats are counted; missing hours stay missing; a row that cannot be read
 * is skipped and counted with its line number.
 */
public final class I94Csv {

    public static final String HEADER =
            "holiday,temp,rain_1h,snow_1h,clouds_all,weather_main,weather_description,date_time,traffic_volume";
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** What a file held: the hours in the file's order of first appearance, and their counts. */
    public record Contents(
            Path file, List<LocalDateTime> hours, HourlyVolumes volumes, long repeats, List<String> unreadable) {

        public String summary() {
            return String.format(
                    "%s: %,d hours (%,d repeated hours, first count kept; %,d unreadable rows skipped)",
                    file.getFileName(), hours.size(), repeats, unreadable.size());
        }
    }

    private I94Csv() {}

    public static Contents read(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || !header.strip().equals(HEADER)) {
                throw new IllegalArgumentException(
                        file + " is not an hourly traffic count file: its first line should be '" + HEADER
                                + "', but is '" + header + "'");
            }
            HourlyVolumes volumes = new HourlyVolumes();
            List<LocalDateTime> hours = new ArrayList<>();
            List<String> unreadable = new ArrayList<>();
            long repeats = 0;
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                try {
                    if (fields.length < 9) {
                        throw new IllegalArgumentException("too few fields");
                    }
                    LocalDateTime hour = LocalDateTime.parse(fields[fields.length - 2].strip(), TIME);
                    double vehicles = Integer.parseInt(fields[fields.length - 1].strip());
                    if (volumes.put(hour, vehicles)) {
                        hours.add(hour);
                    } else {
                        repeats++;
                    }
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    unreadable.add("line " + number + ": " + line);
                }
            }
            return new Contents(file, List.copyOf(hours), volumes, repeats, List.copyOf(unreadable));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
