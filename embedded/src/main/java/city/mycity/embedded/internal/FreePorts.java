package city.mycity.embedded.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds a TCP port on the loopback interface: the one asked for when it is free, else one the system picks. */
public final class FreePorts {

    private FreePorts() {}

    /**
     * The requested port if nothing listens on it on {@code 127.0.0.1}, otherwise (or when {@code requested} is 0) a
     * free port chosen by the operating system.
     */
    public static int requestedOrFree(int requested) {
        if (requested < 0 || requested > 65_535) {
            throw new IllegalArgumentException("Port must be between 0 and 65535, was " + requested + ".");
        }
        if (requested != 0 && isFree(requested)) {
            return requested;
        }
        return free();
    }

    /** A port that was free a moment ago (there is a small race until the caller binds it). */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free TCP port on 127.0.0.1", e);
        }
    }

    /** Whether the port can be bound on {@code 127.0.0.1} and on the wildcard address right now. */
    public static boolean isFree(int port) {
        return canBind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                && canBind(new InetSocketAddress(port));
    }

    private static boolean canBind(InetSocketAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(address, 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
