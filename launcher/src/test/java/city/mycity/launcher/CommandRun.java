package city.mycity.launcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@code mycity ...} in this JVM as a user would type it, capturing what it prints. */
final class CommandRun {

    private CommandRun() {}

    /** The exit code, what it printed and what it complained about. */
    static String[] run(String... args) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try {
            int code = MyCity.commandLine().execute(args);
            return new String[] {
                Integer.toString(code),
                printed.toString(StandardCharsets.UTF_8),
                errors.toString(StandardCharsets.UTF_8)
            };
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }
}
