package city.mycity.bench.services;

import city.mycity.bench.exception.BenchException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Mosquitto of the bench's own, in a process of its own, on a free loopback port: anonymous (loopback only), no
 * in-flight cap ({@code max_inflight_messages 0}: the job's receive maximum bounds it), queues deep enough for any
 * backlog, no persistence (a bench does not restart its broker), Nagle off. Its folder (configuration and log) is
 * deleted on close.
 */
final class MosquittoBroker implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    private static final long START_MILLIS = 15_000;

    private final Path folder;
    private final int port;
    private final Process process;
    private final String version;

    private MosquittoBroker(Path folder, int port, Process process, String version) {
        this.folder = folder;
        this.port = port;
        this.process = process;
        this.version = version;
    }

    static MosquittoBroker start() {
        if (!Files.isExecutable(BINARY)) {
            throw new BenchException("--broker mosquitto needs " + BINARY + " (Debian package mosquitto); install it,"
                    + " or leave the broker embedded, or name one with MYCITY_MQTT_URL.");
        }
        try {
            Path folder = Files.createTempDirectory("mycity-bench-mosquitto-");
            int port = freePort();
            Path config = folder.resolve("mosquitto.conf");
            String root = "root".equals(System.getProperty("user.name")) ? "user root\n" : "";
            Files.writeString(
                    config,
                    "listener " + port + " 127.0.0.1\n"
                            + "allow_anonymous true\n"
                            + "persistence false\n"
                            + "max_inflight_messages 0\n"
                            + "max_queued_messages 10000000\n"
                            + "set_tcp_nodelay true\n"
                            + "log_dest file " + folder.resolve("mosquitto.log") + "\n"
                            + root,
                    StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(BINARY.toString(), "-c", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolve("stdout.log").toFile())
                    .start();
            MosquittoBroker broker = new MosquittoBroker(folder, port, process, readVersion());
            broker.awaitListening();
            return broker;
        } catch (IOException e) {
            throw new BenchException("Could not start Mosquitto: " + e.getMessage(), e);
        }
    }

    private void awaitListening() throws IOException {
        long deadline = System.currentTimeMillis() + START_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new BenchException("Mosquitto exited with " + process.exitValue() + ": "
                        + Files.readString(folder.resolve("stdout.log")).strip());
            }
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                try {
                    TimeUnit.MILLISECONDS.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BenchException("Interrupted while Mosquitto was starting", e);
                }
            }
        }
        close();
        throw new BenchException("Mosquitto did not listen on port " + port + " within " + START_MILLIS + " ms.");
    }

    /** "mosquitto version 2.0.11", from {@code mosquitto -h}. */
    private static String readVersion() {
        try {
            Process help = new ProcessBuilder(BINARY.toString(), "-h")
                    .redirectErrorStream(true)
                    .start();
            String output = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            help.waitFor(5, TimeUnit.SECONDS);
            return output.lines().findFirst().orElse("mosquitto").strip();
        } catch (IOException e) {
            return "mosquitto";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "mosquitto";
        }
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    String version() {
        return version;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
