package city.mycity.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboard's files served over HTTP by {@link Dashboard#router(Vertx)}. */
class DashboardIT {

    private static Vertx vertx;
    private static HttpServer server;
    private static WebClient client;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer()
                .requestHandler(Dashboard.router(vertx))
                .listen(0)
                .await();
        client = WebClient.create(vertx);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close().await();
        vertx.close().await();
    }

    @Test
    void the_page_is_served_at_the_root() {
        HttpResponse<Buffer> response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).startsWith("text/html");
        assertThat(response.bodyAsString())
                .contains("<h1 id=\"city-name\">", "id=\"carparks\"", "<script type=\"module\" src=\"app.js\">");
    }

    @Test
    void es_modules_are_served_as_javascript() {
        for (String path : new String[] {"/app.js", "/vendor/maplibre-gl/maplibre-gl.mjs"}) {
            HttpResponse<Buffer> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.getHeader("Content-Type")).as(path).contains("javascript");
        }
    }

    @Test
    void the_maplibre_stylesheet_is_served_from_the_same_origin() {
        HttpResponse<Buffer> response = get("/vendor/maplibre-gl/maplibre-gl.css");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsString()).contains(".maplibregl-map");
    }

    @Test
    void unknown_files_are_not_found() {
        assertThat(get("/nothing.js").statusCode()).isEqualTo(404);
    }

    private HttpResponse<Buffer> get(String path) {
        return client.get(server.actualPort(), "localhost", path).send().await();
    }
}
