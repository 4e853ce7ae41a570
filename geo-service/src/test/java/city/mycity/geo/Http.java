package city.mycity.geo;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

/** A blocking test client for one service port. */
public final class Http implements AutoCloseable {

    private final WebClient client;
    private final int port;

    public Http(Vertx vertx, int port) {
        this.client = WebClient.create(vertx);
        this.port = port;
    }

    public HttpResponse<Buffer> get(String uri) {
        return client.get(port, "localhost", uri).send().await();
    }

    public HttpResponse<Buffer> send(HttpMethod method, String uri) {
        return client.request(method, port, "localhost", uri).send().await();
    }

    /** A GET that asks for this content type (e.g. {@code text/event-stream}); waits for the whole answer. */
    public HttpResponse<Buffer> getAccepting(String uri, String accept) {
        return client.get(port, "localhost", uri)
                .putHeader("Accept", accept)
                .send()
                .await();
    }

    public HttpResponse<Buffer> getWithOrigin(String uri, String origin) {
        return client.get(port, "localhost", uri)
                .putHeader("Origin", origin)
                .send()
                .await();
    }

    @Override
    public void close() {
        client.close();
    }
}
