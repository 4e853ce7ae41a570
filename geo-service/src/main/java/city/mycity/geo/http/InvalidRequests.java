package city.mycity.geo.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * Answers a request the server cannot read as HTTP, before any route sees it, with a problem document and closes the
 * connection, as Vert.x does by default but with an empty body: 414 for a request line (a path and query) longer than
 * {@value HttpServerOptions#DEFAULT_MAX_INITIAL_LINE_LENGTH} characters, 431 for headers larger than {@value
 * HttpServerOptions#DEFAULT_MAX_HEADER_SIZE} bytes, 400 otherwise.
 */
public final class InvalidRequests {

    private InvalidRequests() {}

    public static void handle(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        JsonObject problem = new JsonObject().put("type", "about:blank");
        if (cause instanceof TooLongHttpLineException) {
            problem.put("title", "URI Too Long")
                    .put("status", 414)
                    .put(
                            "detail",
                            "The path and query are longer than " + HttpServerOptions.DEFAULT_MAX_INITIAL_LINE_LENGTH
                                    + " characters: ask with fewer or shorter parameters.");
        } else if (cause instanceof TooLongHttpHeaderException) {
            problem.put("title", "Request Header Fields Too Large")
                    .put("status", 431)
                    .put(
                            "detail",
                            "The headers are larger than " + HttpServerOptions.DEFAULT_MAX_HEADER_SIZE + " bytes.");
        } else {
            problem.put("title", "Bad Request")
                    .put("status", 400)
                    .put("detail", "The request could not be read as HTTP.");
        }
        request.response()
                .setStatusCode(problem.getInteger("status"))
                .putHeader("Content-Type", Problems.CONTENT_TYPE)
                .putHeader("Connection", "close")
                .end(problem.encode())
                .onComplete(done -> request.connection().close());
    }
}
