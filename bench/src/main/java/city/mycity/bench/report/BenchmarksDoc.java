package city.mycity.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a bench report into {@code docs/benchmarks.md}: one section per broker (the embedded one, the bench's
 * Mosquitto, a broker named by URL), each between its own markers, replacing what a former run on the same broker
 * wrote there, or at the end of the file under its own heading the first time. The rest of the file is kept.
 */
public final class BenchmarksDoc {

    private BenchmarksDoc() {}

    static String begin(String key) {
        return "<!-- mycity bench (" + key + "): begin. Written by `./mycity bench --docs FILE`; edits between these"
                + " markers are overwritten. -->";
    }

    static String end(String key) {
        return "<!-- mycity bench (" + key + "): end -->";
    }

    /** The document with the report between the markers of {@code key}, under {@code heading} the first time. */
    static String splice(String document, String key, String heading, String report) {
        String begin = begin(key);
        String end = end(key);
        String section = begin + "\n\n" + report.strip() + "\n\n" + end;
        int from = document.indexOf(begin);
        int to = document.indexOf(end);
        if (from >= 0 && to > from) {
            return document.substring(0, from) + section + document.substring(to + end.length());
        }
        String text = document.isEmpty() || document.endsWith("\n") ? document : document + "\n";
        return text + "\n" + heading + "\n\n" + section + "\n";
    }

    /** Writes the report into the file's section of the report's broker. */
    public static void write(Path file, BenchReport report, String markdown) throws IOException {
        String document = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        String key = report.brokerKind().name().toLowerCase(Locale.ROOT);
        Files.writeString(file, splice(document, key, heading(report), markdown), StandardCharsets.UTF_8);
    }

    /** Writes {@code markdown} into the file between the markers of {@code key}, under {@code heading} the first time. */
    public static void writeSection(Path file, String key, String heading, String markdown) throws IOException {
        String document = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        Files.writeString(file, splice(document, key, heading, markdown), StandardCharsets.UTF_8);
    }

    static String heading(BenchReport report) {
        return switch (report.brokerKind()) {
            case EMBEDDED_HIVEMQ -> "## End to end: `./mycity bench`, embedded HiveMQ CE";
            case MOSQUITTO -> "## End to end: `./mycity bench --broker mosquitto`";
            case EXTERNAL -> "## End to end: `./mycity bench` on the broker of `MYCITY_MQTT_URL`";
        };
    }
}
