package city.mycity.bench.api;

import city.mycity.bench.exception.BenchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs wrk (Debian's package) against a URL on loopback, as a process of its own, and reads its figures: requests per
 * second, the latency percentiles of {@code --latency}, and the errors (non-2xx answers, socket errors). A paced run
 * holds each connection to a request every so many milliseconds (a wrk Lua script's {@code delay}), so that the rate
 * is about {@code connections * 1000 / delay} a second.
 */
final class Wrk {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|75|90|99)%\\s+([0-9.]+)(us|ms|s)\\s*$");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+)," + " timeout (\\d+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");

    private final int threads;
    private final int connections;
    private final Duration duration;

    Wrk(int threads, int connections, Duration duration) {
        this.threads = threads;
        this.connections = connections;
        this.duration = duration;
    }

    /** What one run measured. */
    record Figures(double requestsPerSecond, long requests, double p50, double p90, double p99, long errors) {}

    static void requireInstalled() {
        try {
            Process p = new ProcessBuilder("wrk", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            p.waitFor();
        } catch (IOException e) {
            throw new BenchException("wrk is not installed: install it from Debian's packages (apt-get install wrk).");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("Interrupted while looking for wrk.");
        }
    }

    /** As many requests as the connections can make. */
    Figures flatOut(String url, boolean varied) {
        return run(url, varied ? VARIED : null);
    }

    /** About {@code perSecond} requests a second in all. */
    Figures paced(String url, double perSecond, boolean varied) {
        double delayMillis = connections * 1000.0 / perSecond;
        return run(
                url,
                (varied ? VARIED : "") + String.format(Locale.ROOT, "function delay() return %.3f end%n", delayMillis));
    }

    /**
     * A request of its own each time: the URL with a parameter the service ignores ({@code n=...}, random), so that no
     * cache between wrk and the store answers it.
     */
    private static final String VARIED = """
            local n = 0
            function request()
              n = n + 1
              return wrk.format(nil, wrk.path .. "&n=" .. math.random(1, 1000000000) .. "-" .. n)
            end
            """;

    private Figures run(String url, String script) {
        try {
            List<String> command = new ArrayList<>(List.of(
                    "wrk",
                    "-t" + threads,
                    "-c" + connections,
                    "-d" + duration.toSeconds() + "s",
                    "--timeout",
                    "5s",
                    "--latency"));
            Path file = null;
            if (script != null) {
                file = Files.createTempFile("mycity-wrk-", ".lua");
                Files.writeString(file, script);
                command.add("-s");
                command.add(file.toString());
            }
            command.add(url);
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (file != null) {
                Files.deleteIfExists(file);
            }
            if (exit != 0) {
                throw new BenchException("wrk failed (exit " + exit + "): " + output.strip());
            }
            return parse(output);
        } catch (IOException e) {
            throw new BenchException("wrk could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("Interrupted while wrk ran.");
        }
    }

    static Figures parse(String output) {
        Matcher rate = RATE.matcher(output);
        Matcher total = TOTAL.matcher(output);
        if (!rate.find() || !total.find()) {
            throw new BenchException("wrk printed no rate: " + output.strip());
        }
        double[] percentiles = new double[4];
        for (String line : output.split("\n")) {
            Matcher m = PERCENTILE.matcher(line);
            if (m.matches()) {
                double value = Double.parseDouble(m.group(2));
                double millis =
                        switch (m.group(3)) {
                            case "us" -> value / 1000;
                            case "s" -> value * 1000;
                            default -> value;
                        };
                percentiles[
                        switch (m.group(1)) {
                            case "50" -> 0;
                            case "75" -> 1;
                            case "90" -> 2;
                            default -> 3;
                        }] = millis;
            }
        }
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(output);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET.matcher(output);
        if (socket.find()) {
            for (int i = 1; i <= 4; i++) {
                errors += Long.parseLong(socket.group(i));
            }
        }
        return new Figures(
                Double.parseDouble(rate.group(1)),
                Long.parseLong(total.group(1)),
                percentiles[0],
                percentiles[2],
                percentiles[3],
                errors);
    }
}
