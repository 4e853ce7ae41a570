package city.mycity.analytics.bins.eval;

import city.mycity.analytics.bins.Collection;
import city.mycity.analytics.eval.CsvLine;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads litter-bin collections in the format of the City of Edinburgh Council's sensor data:
 * {@code event_id,site_id,site_name,address,city,content_type,collected_at_europe_london,fill_level_before_pct,
 * fill_level_after_pct,volume_l,weight_kg,partial,confidence} (quoted fields may hold commas). The data is taken as
 * given: partial collections and low-confidence readings are kept; a row that cannot be read is skipped and counted.
 */
public final class EdinburghCsv {

    public static final String HEADER =
            "event_id,site_id,site_name,address,city,content_type,collected_at_europe_london,"
                    + "fill_level_before_pct,fill_level_after_pct,volume_l,weight_kg,partial,confidence";
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** What a file held: each site's collections in time order. */
    public record Contents(
            Path file, Map<String, List<Collection>> bySite, long collections, long partial, List<String> unreadable) {

        public String summary() {
            return String.format(
                    "%s: %,d collections of %,d bins (%,d partial, kept as given; %,d unreadable rows skipped)",
                    file.getFileName(), collections, bySite.size(), partial, unreadable.size());
        }
    }

    private EdinburghCsv() {}

    public static Contents read(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || !header.strip().equals(HEADER)) {
                throw new IllegalArgumentException(file + " is not a bin collection file: its first line should be '"
                        + HEADER + "', but is '" + header + "'");
            }
            Map<String, List<Collection>> bySite = new TreeMap<>();
            List<String> unreadable = new ArrayList<>();
            long collections = 0;
            long partial = 0;
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    List<String> fields = CsvLine.split(line);
                    if (fields.size() != 13 || fields.get(1).isBlank()) {
                        throw new IllegalArgumentException("expected 13 fields with a site");
                    }
                    Collection collection = new Collection(
                            LocalDateTime.parse(fields.get(6).strip(), TIME),
                            Double.parseDouble(fields.get(7)),
                            Double.parseDouble(fields.get(8)));
                    bySite.computeIfAbsent(fields.get(1).strip(), site -> new ArrayList<>())
                            .add(collection);
                    collections++;
                    partial += "1".equals(fields.get(11).strip()) ? 1 : 0;
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    unreadable.add("line " + number + ": " + line);
                }
            }
            bySite.values().forEach(list -> list.sort(Comparator.comparing(Collection::time)));
            return new Contents(file, bySite, collections, partial, List.copyOf(unreadable));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
