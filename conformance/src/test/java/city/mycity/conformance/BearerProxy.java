package city.mycity.conformance;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;

/**
 * A client's side of a login, for a test suite that cannot log in: forwards every request to the service with {@code
 * Authorization: Bearer <token>} added, and the answers back. The Host header goes through as the suite sent it, so
 * the links the service writes point at this proxy, where the suite follows them.
 */
final class BearerProxy implements AutoCloseable {

    private final HttpServer server;
    private final HttpClient client;

    private BearerProxy(HttpServer server, HttpClient client) {
        this.server = server;
        this.client = client;
    }

    static BearerProxy start(Vertx vertx, int servicePort, String token) {
        HttpClient client = vertx.createHttpClient();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            RequestOptions options = new RequestOptions()
                    .setHost("127.0.0.1")
                    .setPort(servicePort)
                    .setMethod(request.method())
                    .setURI(request.uri())
                    .setHeaders(io.vertx.core.MultiMap.caseInsensitiveMultiMap().addAll(request.headers()))
                    .putHeader("Authorization", "Bearer " + token);
            request.body()
                    .compose(body -> client.request(options).compose(out -> out.send(body)))
                    .compose(answer -> answer.body().map(body -> {
                        request.response().setStatusCode(answer.statusCode());
                        request.response().headers().setAll(answer.headers());
                        return body;
                    }))
                    .onSuccess(body -> request.response().end(body))
                    .onFailure(e -> request.response().setStatusCode(502).end(String.valueOf(e.getMessage())));
        });
        server.listen(0, "127.0.0.1").await();
        return new BearerProxy(server, client);
    }

    int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        server.close().await();
        client.close().await();
    }
}
