package city.mycity.bench.cpu;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Finds the local process that listens on a TCP port, from {@code /proc/net/tcp[6]} and the sockets in each process's
 * {@code /proc/<pid>/fd}: how the bench finds a PostgreSQL or broker it did not start, to read its CPU time. Needs to
 * see the other process's descriptors (the same user, or root); otherwise finds nothing.
 */
public final class ListeningProcess {

    private static final String LISTEN = "0A";

    private ListeningProcess() {}

    /** The process listening on the port on this machine, if it can be seen. */
    public static OptionalLong of(int port) {
        Optional<String> inode = listeningInode(port);
        if (inode.isEmpty()) {
            return OptionalLong.empty();
        }
        String socket = "socket:[" + inode.get() + "]";
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                if (holds(process.resolve("fd"), socket)) {
                    return OptionalLong.of(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    private static boolean holds(Path fds, String socket) {
        try (DirectoryStream<Path> links = Files.newDirectoryStream(fds)) {
            for (Path link : links) {
                try {
                    if (socket.equals(Files.readSymbolicLink(link).toString())) {
                        return true;
                    }
                } catch (IOException | RuntimeException e) {
                    // closed meanwhile, or not ours to read
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    private static Optional<String> listeningInode(int port) {
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try (Stream<String> lines = Files.lines(Path.of(table))) {
                Optional<String> inode = lines.skip(1)
                        .map(line -> inodeIfListening(line, port))
                        .flatMap(Optional::stream)
                        .findFirst();
                if (inode.isPresent()) {
                    return inode;
                }
            } catch (IOException | RuntimeException e) {
                // no such table here
            }
        }
        return Optional.empty();
    }

    /** From a line of {@code /proc/net/tcp}: the socket's inode when it listens on the port. */
    static Optional<String> inodeIfListening(String line, int port) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length < 10) {
            return Optional.empty();
        }
        String local = fields[1];
        String hexPort = local.substring(local.indexOf(':') + 1);
        boolean samePort = hexPort.equalsIgnoreCase(String.format(Locale.ROOT, "%04X", port));
        return samePort && LISTEN.equals(fields[3]) ? Optional.of(fields[9]) : Optional.empty();
    }
}
