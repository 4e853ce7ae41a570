package city.mycity.gateway.brokeraccess.mosquitto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tells a running Mosquitto to read its password and ACL files again: SIGHUP to the process its pid file names. */
public final class MosquittoReload {

    private MosquittoReload() {}

    public static void signal(Path pidFile) {
        try {
            long pid = Long.parseLong(
                    Files.readString(pidFile, StandardCharsets.US_ASCII).trim());
            Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("Could not signal Mosquitto (pid " + pid + "): " + output.trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read Mosquitto's pid file " + pidFile, e);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Mosquitto's pid file " + pidFile + " holds no process id.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling Mosquitto", e);
        }
    }
}
