package city.mycity.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a bench report into {@code docs/benchmarks.md}: between its markers, replacing what a former run wrote there,
 * or at the end of the file under its own heading when the markers are not there yet. The rest of the file is kept.
 */
public final class BenchmarksDoc {

    static final String BEGIN = "<!-- mycity bench: begin. Written by `./mycity bench --docs FILE`; edits between"
            + " these markers are overwritten. -->";
    static final String END = "<!-- mycity bench: end -->";
    static final String HEADING = "## End to end: `./mycity bench`";

    private BenchmarksDoc() {}

    /** The document with the report between the markers. */
    static String splice(String document, String report) {
        String section = BEGIN + "\n\n" + report.strip() + "\n\n" + END;
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin >= 0 && end > begin) {
            return document.substring(0, begin) + section + document.substring(end + END.length());
        }
        String text = document.isEmpty() || document.endsWith("\n") ? document : document + "\n";
        return text + "\n" + HEADING + "\n\n" + section + "\n";
    }

    public static void write(Path file, String report) throws IOException {
        String document = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        Files.writeString(file, splice(document, report), StandardCharsets.UTF_8);
    }
}
