package city.mycity.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
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
    void the_parking_page_is_served_at_the_root_with_the_shared_header() {
        HttpResponse<Buffer> response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).startsWith("text/html");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-cache");
        assertThat(response.bodyAsString())
                .contains("<a href=\"/\" data-page=\"parking\" aria-current=\"page\">Parking</a>")
                .contains("id=\"places\"")
                .doesNotContain("mycity:header");
    }

    @Test
    void pages_may_load_only_from_their_own_origin() {
        HttpResponse<Buffer> response = get("/");

        assertThat(response.getHeader("Content-Security-Policy"))
                .contains("default-src 'self'", "script-src 'self';", "frame-ancestors 'none'")
                .doesNotContain("*");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void every_public_page_is_served() {
        for (String path : List.of("/around.html", "/report.html", "/open-data.html")) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void scripts_are_javascript_that_browsers_keep_for_a_year() {
        String script = firstScript(get("/").bodyAsString());

        HttpResponse<Buffer> response = get(script);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).contains("javascript");
        assertThat(response.getHeader("Cache-Control")).contains("max-age=31536000", "immutable");
    }

    @Test
    void a_browser_that_accepts_gzip_gets_the_copy_compressed_at_build_time() throws IOException {
        String script = firstScript(get("/").bodyAsString());
        Buffer plain = get(script).body();

        HttpResponse<Buffer> response = client.get(server.actualPort(), "localhost", script)
                .putHeader("Accept-Encoding", "gzip, br")
                .send()
                .await();

        assertThat(response.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(response.getHeader("Content-Type")).contains("javascript");
        assertThat(response.body().length()).isLessThan(plain.length());
        try (var in =
                new GZIPInputStream(new ByteArrayInputStream(response.body().getBytes()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.getBytes());
        }
    }

    @Test
    void unknown_files_are_not_found() {
        assertThat(get("/nothing.js").statusCode()).isEqualTo(404);
    }

    @Test
    void a_path_out_of_the_webroot_is_not_served() {
        assertThat(PageFiles.name("/../secret.txt")).isNull();
        assertThat(get("/assets/../../Dashboard.class").statusCode()).isNotEqualTo(200);
    }

    private static String firstScript(String html) {
        Matcher m = Pattern.compile("<script type=\"module\" crossorigin src=\"([^\"]+)\"")
                .matcher(html);
        assertThat(m.find()).as("a module script in %s", html).isTrue();
        return m.group(1);
    }

    private HttpResponse<Buffer> get(String path) {
        return client.get(server.actualPort(), "localhost", path).send().await();
    }
}
