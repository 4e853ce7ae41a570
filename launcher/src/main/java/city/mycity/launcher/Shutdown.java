package city.mycity.launcher;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The parts that were started, closed in reverse order; one failing to close does not keep the others open. */
final class Shutdown implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(Shutdown.class);

    private final Deque<Part> parts = new ArrayDeque<>();

    private record Part(String name, AutoCloseable closeable) {}

    <T extends AutoCloseable> T add(String name, T closeable) {
        parts.push(new Part(name, closeable));
        return closeable;
    }

    @Override
    public synchronized void close() {
        while (!parts.isEmpty()) {
            Part part = parts.pop();
            try {
                part.closeable().close();
                LOGGER.debug("Stopped {}", part.name());
            } catch (Exception e) {
                LOGGER.warn("Could not stop {} cleanly: {}", part.name(), e.toString());
            }
        }
    }
}
