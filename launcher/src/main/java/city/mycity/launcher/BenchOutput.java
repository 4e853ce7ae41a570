package city.mycity.launcher;

import city.mycity.bench.BenchListener;
import city.mycity.bench.report.BenchmarksDoc;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the single-report bench commands ({@code bench-edge}, {@code bench-history}) share: their progress on standard
 * error, the command line as typed, and the report on standard output and, when asked, in its section of a file.
 */
final class BenchOutput implements BenchListener {

    private final ProgressBar bar;

    BenchOutput(String label) {
        this.bar = new ProgressBar(System.err, 1, label);
    }

    /** {@code ./mycity} and the arguments the command was given. */
    static String commandLine(CommandSpec spec) {
        List<String> words = new ArrayList<>(List.of("./mycity"));
        words.addAll(spec.commandLine().getParseResult().originalArgs());
        return String.join(" ", words);
    }

    /** Prints the report, and writes it into {@code docs} (when not {@code null}) between the markers of {@code key}. */
    static void publish(String markdown, Path docs, String key, String heading) throws IOException {
        System.out.println(markdown);
        if (docs != null) {
            BenchmarksDoc.writeSection(docs, key, heading, markdown + "\nRun on " + java.time.LocalDate.now() + ".");
            System.err.println("Wrote the report into " + docs);
        }
    }

    /** A line that stays on screen above the progress bar. */
    void println(String line) {
        bar.println(line);
    }

    void clear() {
        bar.clear();
    }

    @Override
    public synchronized void stage(int number, int total, String name) {
        bar.println("[" + number + "/" + total + "] " + name);
    }

    @Override
    public synchronized void status(String line) {
        bar.update(0, line);
    }

    @Override
    public synchronized void result(String line) {
        bar.println("   " + line);
    }
}
