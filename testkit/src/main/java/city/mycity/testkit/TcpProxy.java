package city.mycity.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on a free loopback port in front of a server, that a test can make drop every connection at once, as a
 * broken network does: {@link #cutConnections()} resets both sides of every open connection; new ones are accepted
 * again right away. {@link #block()} cuts them and refuses new ones (the uplink is down) until {@link #unblock()}.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "tcp-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private volatile boolean blocked;

    private TcpProxy(ServerSocket server, int targetPort) {
        this.server = server;
        this.targetPort = targetPort;
    }

    /** A proxy to {@code 127.0.0.1:targetPort}. */
    public static TcpProxy to(int targetPort) throws IOException {
        TcpProxy proxy = new TcpProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
        proxy.threads.execute(proxy::accept);
        return proxy;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** How many client connections are open now. */
    public int connections() {
        return open.size() / 2;
    }

    /** Resets every open connection, both to the clients and to the server. Returns how many were cut. */
    public int cutConnections() {
        int cut = connections();
        for (Socket socket : open) {
            reset(socket);
        }
        open.clear();
        return cut;
    }

    /** Cuts every open connection and refuses new ones, as a network that is down, until {@link #unblock()}. */
    public int block() {
        blocked = true;
        return cutConnections();
    }

    /** Lets connections through again. */
    public void unblock() {
        blocked = false;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                if (blocked) {
                    reset(client);
                    continue;
                }
                Socket upstream;
                try {
                    upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                } catch (IOException e) {
                    reset(client);
                    continue;
                }
                open.add(client);
                open.add(upstream);
                threads.execute(() -> pump(client, upstream));
                threads.execute(() -> pump(upstream, client));
            } catch (IOException e) {
                if (!closed) {
                    System.out.println("TcpProxy: accept failed: " + e);
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // The other side went away, or the connection was cut: close both.
        } finally {
            reset(from);
            reset(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // Already closed.
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing more to do.
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        cutConnections();
        threads.shutdownNow();
    }
}
