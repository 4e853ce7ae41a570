package city.mycity.embedded;

import city.mycity.embedded.internal.Secrets;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker in a process of its own, for tests and chaos runs that stop and restart the broker: loopback only, a free
 * port kept across restarts, password authentication with an account of its own, persistence on (sessions and queued
 * messages survive a restart, as in production), queues deep enough for a test's backlog and no in-flight cap (the
 * client's Receive Maximum bounds it). Needs the {@code mosquitto} and {@code mosquitto_passwd} programs (Debian
 * package {@code mosquitto}, which {@code .ci/run} installs): {@link #available()} tells.
 */
public final class MosquittoProcess implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    private static final Path PASSWD = Path.of("/usr/bin/mosquitto_passwd");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Path folder;
    private final int port;
    private final Tls tls;
    private final Path accessFolder;
    private final String username =
            "mycity-" + Secrets.randomPassword().substring(0, 6).toLowerCase();
    private final String password = Secrets.randomPassword();
    private Process process;

    private MosquittoProcess(Path folder, int port, Tls tls, Path accessFolder) {
        this.folder = folder;
        this.port = port;
        this.tls = tls;
        this.accessFolder = accessFolder;
    }

    /**
     * The broker's TLS identity: PEM files of its certificate (with the chain up to its CA) and its private key.
     *
     * @param certificate the certificate, naming {@code 127.0.0.1} or {@code localhost}
     * @param key its unencrypted private key
     */
    public record Tls(Path certificate, Path key) {}

    /** Whether Mosquitto is installed here. */
    public static boolean available() {
        return Files.isExecutable(BINARY) && Files.isExecutable(PASSWD);
    }

    /** Starts a broker in a fresh folder under {@code parent} (its configuration, password file, data and log). */
    public static MosquittoProcess start(Path parent) throws IOException {
        return start(parent, null);
    }

    /**
     * Starts a broker whose one listener speaks TLS only ({@code ssl://}), with this certificate and key; {@code null}
     * for plain TCP.
     */
    public static MosquittoProcess start(Path parent, Tls tls) throws IOException {
        Path folder = Files.createTempDirectory(parent, "mosquitto-");
        MosquittoProcess broker = new MosquittoProcess(folder, freePort(), tls, null);
        broker.configure();
        broker.startProcess();
        return broker;
    }

    /**
     * Starts a broker whose accounts and topic rights are the files {@code passwd} and {@code acl} of
     * {@code accessFolder}, as the registry writes them; {@link #reload()} makes it read them again. Its own account
     * ({@link #username()}) is then not in use.
     */
    public static MosquittoProcess startWithAccessFiles(Path parent, Path accessFolder) throws IOException {
        Path folder = Files.createTempDirectory(parent, "mosquitto-");
        MosquittoProcess broker = new MosquittoProcess(folder, freePort(), null, accessFolder);
        broker.configure();
        broker.startProcess();
        return broker;
    }

    /** Makes the running broker read its password and ACL files again (SIGHUP), as an operator's reload does. */
    public void reload() throws IOException {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("Mosquitto is not running.");
        }
        run(List.of("kill", "-HUP", Long.toString(process.pid())));
    }

    private void configure() throws IOException {
        Path passwd = folder.resolve("passwd");
        String access;
        if (accessFolder == null) {
            Files.writeString(passwd, username + ":" + password + "\n", StandardCharsets.UTF_8);
            run(List.of(PASSWD.toString(), "-U", passwd.toString()));
            access = "password_file " + passwd + "\n";
        } else {
            access = "password_file " + accessFolder.resolve("passwd") + "\nacl_file " + accessFolder.resolve("acl")
                    + "\n";
        }
        String root = "root".equals(System.getProperty("user.name")) ? "user root\n" : "";
        Files.writeString(
                folder.resolve("mosquitto.conf"),
                "listener " + port + " 127.0.0.1\n"
                        + (tls == null ? "" : "certfile " + tls.certificate() + "\nkeyfile " + tls.key() + "\n")
                        + "allow_anonymous false\n"
                        + access
                        + "persistence true\n"
                        + "persistence_location " + folder + "/\n"
                        + "autosave_interval 1\n"
                        + "max_inflight_messages 0\n"
                        + "max_queued_messages 10000000\n"
                        + "log_dest file " + folder.resolve("mosquitto.log") + "\n"
                        + root,
                StandardCharsets.UTF_8);
    }

    private void startProcess() throws IOException {
        process = new ProcessBuilder(
                        BINARY.toString(),
                        "-c",
                        folder.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("stdout.log").toFile())
                .start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!accepts()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Mosquitto exited with " + process.exitValue() + "; see " + folder.resolve("mosquitto.log"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Mosquitto did not listen on " + port + " within " + START_TIMEOUT);
            }
            try {
                // Polls the port, as there is no event to wait on across processes.
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for Mosquitto", e);
            }
        }
    }

    /** Stops the broker as an operator would (SIGTERM: it saves its sessions and queues) and starts it again. */
    public void restart() throws IOException, InterruptedException {
        stop();
        startProcess();
    }

    /** Starts the broker again after {@link #stop()}, on the same port with its saved sessions and queues. */
    public void resume() throws IOException {
        startProcess();
    }

    /** Stops the broker gracefully; {@link #restart()}, {@link #resume()} or {@link #close()} after. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code tcp://127.0.0.1:PORT}, or {@code ssl://} with TLS. */
    public String url() {
        return (tls == null ? "tcp" : "ssl") + "://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** The broker's log, for a failing test's message. */
    public Optional<String> log() {
        try {
            return Optional.of(Files.readString(folder.resolve("mosquitto.log")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void run(List<String> command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException(command.get(0) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted running " + command.get(0), e);
        }
    }
}
