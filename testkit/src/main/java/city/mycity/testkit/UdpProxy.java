package city.mycity.testkit;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A UDP relay on a free loopback port to {@code 127.0.0.1:targetPort}, for tests that cut a CoAP exchange in the
 * network: each client gets a socket of its own towards the target, and answers go back to it. {@link #cutAfter}
 * drops everything once so many answers went through, until {@link #restore()}.
 */
public final class UdpProxy implements AutoCloseable {

    private static final int MAX_DATAGRAM = 65_535;

    private final DatagramSocket front;
    private final InetSocketAddress target;
    private final Map<SocketAddress, DatagramSocket> backs = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "udp-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger answers = new AtomicInteger();
    private volatile int cutAfter = Integer.MAX_VALUE;
    private volatile boolean closed;

    private UdpProxy(DatagramSocket front, int targetPort) {
        this.front = front;
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
    }

    public static UdpProxy to(int targetPort) throws IOException {
        UdpProxy proxy = new UdpProxy(new DatagramSocket(0, InetAddress.getLoopbackAddress()), targetPort);
        proxy.threads.execute(proxy::relayRequests);
        return proxy;
    }

    public int port() {
        return front.getLocalPort();
    }

    /** From now on, lets {@code more} answers through and then drops every datagram both ways. */
    public void cutAfter(int more) {
        cutAfter = answers.get() + more;
    }

    /** Lets datagrams through again. */
    public void restore() {
        cutAfter = Integer.MAX_VALUE;
    }

    private boolean cut() {
        return answers.get() >= cutAfter;
    }

    private void relayRequests() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        while (!closed) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                front.receive(packet);
                if (cut()) {
                    continue;
                }
                DatagramSocket back = backs.computeIfAbsent(packet.getSocketAddress(), this::openBack);
                back.send(new DatagramPacket(packet.getData(), packet.getOffset(), packet.getLength(), target));
            } catch (IOException e) {
                // Closed, or one datagram lost: UDP loses datagrams.
            }
        }
    }

    private DatagramSocket openBack(SocketAddress client) {
        try {
            DatagramSocket back = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            threads.execute(() -> relayAnswers(back, client));
            return back;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void relayAnswers(DatagramSocket back, SocketAddress client) {
        byte[] buffer = new byte[MAX_DATAGRAM];
        while (!closed) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                back.receive(packet);
                if (cut()) {
                    continue;
                }
                answers.incrementAndGet();
                front.send(new DatagramPacket(packet.getData(), packet.getOffset(), packet.getLength(), client));
            } catch (IOException e) {
                // Closed, or one datagram lost.
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        front.close();
        backs.values().forEach(DatagramSocket::close);
        threads.shutdownNow();
    }
}
