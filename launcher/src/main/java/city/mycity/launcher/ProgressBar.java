package city.mycity.launcher;

import java.io.PrintStream;

/**
 * A one-line progress bar for long work on a terminal: {@code [##########----------] 512/1024 messages}, optionally
 * followed by what runs now. Redrawn in place with a carriage return, at most every 1 % or when the label changes (so
 * that a log file stays small); {@link #println(String)} prints a line above it; {@link #done()} ends the line.
 */
final class ProgressBar {

    private static final int WIDTH = 30;
    /** The longest line drawn, so that it fits an 80-column terminal without wrapping. */
    private static final int LINE = 79;

    private final PrintStream out;
    private final long total;
    private final String unit;
    private int drawnPercent = -1;
    private String drawnLabel = "";
    private int drawnLength;
    private long done;

    ProgressBar(PrintStream out, long total, String unit) {
        this.out = out;
        this.total = Math.max(total, 0);
        this.unit = unit;
    }

    void update(long done) {
        update(done, drawnLabel);
    }

    /** Shows {@code done} of the total, then the label (what runs now). */
    synchronized void update(long done, String label) {
        this.done = done;
        int percent = total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
        if (percent == drawnPercent && label.equals(drawnLabel)) {
            return;
        }
        drawnPercent = percent;
        drawnLabel = label;
        draw();
    }

    /** Prints a line of its own above the bar, then draws the bar again. */
    synchronized void println(String line) {
        out.print("\r" + " ".repeat(drawnLength) + "\r");
        out.println(line);
        if (drawnPercent >= 0) {
            draw();
        }
    }

    private void draw() {
        int filled = drawnPercent * WIDTH / 100;
        String line = "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + unit
                + (drawnLabel.isEmpty() ? "" : " " + drawnLabel);
        if (line.length() > LINE) {
            line = line.substring(0, LINE - 1) + "…";
        }
        out.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
        drawnLength = line.length();
        out.flush();
    }

    /** Erases the bar, leaving the cursor at the start of the empty line. */
    synchronized void clear() {
        out.print("\r" + " ".repeat(drawnLength) + "\r");
        out.flush();
        drawnPercent = -1;
        drawnLength = 0;
    }

    void done() {
        out.println();
    }
}
