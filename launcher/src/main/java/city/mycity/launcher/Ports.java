package city.mycity.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Checks whether a preferred TCP or UDP port is free, so that the demo can fall back to a free one and say so. */
final class Ports {

    private Ports() {}

    /** The preferred TCP port when it is free on all interfaces, else 0 (let the system choose). */
    static int tcpOrAny(int preferred) {
        try (ServerSocket socket = new ServerSocket(preferred, 1, InetAddress.getByName("0.0.0.0"))) {
            socket.setReuseAddress(true);
            return preferred;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The preferred UDP port when it is free on loopback, else 0 (let the system choose). */
    static int udpOrAny(int preferred) {
        try (java.net.DatagramSocket socket =
                new java.net.DatagramSocket(preferred, InetAddress.getLoopbackAddress())) {
            return preferred;
        } catch (IOException e) {
            return 0;
        }
    }
}
