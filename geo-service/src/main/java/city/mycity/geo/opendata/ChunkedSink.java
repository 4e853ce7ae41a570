package city.mycity.geo.opendata;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Writes a response from a worker thread in chunks, with back pressure: at most {@link #IN_FLIGHT} chunks are on their
 * way to the client at once, and the worker waits for the client to take them. So a download of any size holds a
 * bounded amount of memory, and a client that goes away stops the worker at its next chunk.
 */
final class ChunkedSink {

    static final int CHUNK_BYTES = 64 * 1024;
    static final int IN_FLIGHT = 16;

    /** A client that takes nothing for this long is let go: it holds a worker and a database cursor. */
    static final long STALLED_SECONDS = 60;

    private final HttpServerResponse response;
    private final Context context;
    private final Semaphore permits = new Semaphore(IN_FLIGHT);
    private final StringBuilder pending = new StringBuilder(CHUNK_BYTES);
    private volatile boolean gone;

    ChunkedSink(HttpServerResponse response, Context context) {
        this.response = response;
        this.context = context;
        context.runOnContext(v -> response.closeHandler(closed -> gone = true));
    }

    /** Adds text; sends a chunk whenever enough has gathered. */
    void append(CharSequence text) throws InterruptedException {
        pending.append(text);
        if (pending.length() >= CHUNK_BYTES) {
            flush();
        }
    }

    void flush() throws InterruptedException {
        if (pending.length() == 0) {
            return;
        }
        Buffer chunk = Buffer.buffer(pending.toString());
        pending.setLength(0);
        long waited = 0;
        while (!permits.tryAcquire(1, TimeUnit.SECONDS)) {
            if (gone || ++waited >= STALLED_SECONDS) {
                throw new ClientGone();
            }
        }
        if (gone) {
            throw new ClientGone();
        }
        context.runOnContext(v -> {
            if (response.closed() || response.ended()) {
                gone = true;
                permits.release();
                return;
            }
            response.write(chunk).onComplete(done -> permits.release());
        });
    }

    /** Sends what is left, and ends the response. */
    void end() throws InterruptedException {
        flush();
        context.runOnContext(v -> {
            if (!response.ended() && !response.closed()) {
                response.end();
            }
        });
    }

    /** Breaks the response off after a failure: the client sees an incomplete download, never a truncated success. */
    void abort() {
        context.runOnContext(v -> {
            if (!response.ended() && !response.closed()) {
                response.reset();
            }
        });
    }

    /** The client closed the connection mid-download. */
    static final class ClientGone extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClientGone() {
            super("The client went away", null, false, false);
        }
    }
}
