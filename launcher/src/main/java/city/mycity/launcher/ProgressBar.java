package city.mycity.launcher;

import java.io.PrintStream;

/**
 * A one-line progress bar for long work on a terminal: {@code [##########----------] 512/1024 messages}. Redrawn in
 * place with a carriage return, at most every 1 % (so that a log file stays small); {@link #done()} ends the line.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final long total;
    private final String unit;
    private int drawnPercent = -1;

    ProgressBar(PrintStream out, long total, String unit) {
        this.out = out;
        this.total = Math.max(total, 0);
        this.unit = unit;
    }

    void update(long done) {
        int percent = total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
        if (percent == drawnPercent) {
            return;
        }
        drawnPercent = percent;
        int filled = percent * WIDTH / 100;
        out.print("\r[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + unit);
        out.flush();
    }

    void done() {
        out.println();
    }
}
