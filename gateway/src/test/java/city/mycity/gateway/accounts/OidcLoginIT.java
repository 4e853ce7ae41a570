package city.mycity.gateway.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.gateway.accounts.oidc.OidcSettings;
import city.mycity.gateway.http.OperatorApi;
import city.mycity.testkit.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logging in through a real OpenID Connect provider (panva's oidc-provider from npm, in a Node process of its own,
 * installed by {@code .ci/run} where {@value #PROVIDER} says): the code flow with PKCE through the provider's own login
 * and consent pages, its ID token checked against its keys, and only a person with an account on the platform let in.
 */
class OidcLoginIT {

    /** The folder whose {@code node_modules} holds {@code oidc-provider}. */
    static final String PROVIDER = "MYCITY_IT_OIDC_PROVIDER";

    @TempDir
    static Path folder;

    private static TestDatabase db;
    private static Vertx vertx;
    private static HttpServer api;
    private static Process provider;
    private static String providerUrl;

    @BeforeAll
    static void apiAndProvider() throws Exception {
        String modules = System.getenv(PROVIDER);
        boolean available = modules != null && Files.isDirectory(Path.of(modules, "node_modules", "oidc-provider"));
        if (System.getenv("CI") != null) {
            assertThat(available)
                    .as(PROVIDER + " names an install of oidc-provider in CI")
                    .isTrue();
        }
        Assumptions.assumeTrue(available, "oidc-provider is not installed here (" + PROVIDER + ")");
        db = TestDatabase.create().migrated();
        db.execute("INSERT INTO tenant VALUES ('north', 'North')");
        new Accounts(db.dataSource())
                .create("setup", "north", "ana@north.example", Role.OPERATOR, "Ana", "a long enough password");
        int providerPort = freePort();
        providerUrl = "http://127.0.0.1:" + providerPort;
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        int apiPort = freePort();
        String redirect = "http://127.0.0.1:" + apiPort + "/api/v1/session/oidc/callback";
        OperatorApi.on(db.dataSource())
                .secureCookies(false)
                .oidc(new OidcSettings(
                        URI.create(providerUrl), "mycity", "the client secret", URI.create(redirect), "email"))
                .mount(router);
        api = vertx.createHttpServer()
                .requestHandler(router)
                .listen(apiPort, "127.0.0.1")
                .await();
        provider = startProvider(Path.of(modules), providerPort, redirect);
    }

    @AfterAll
    static void stop() {
        if (provider != null) {
            provider.destroy();
        }
        if (api != null) {
            api.close().await();
            vertx.close().await();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void a_person_with_an_account_logs_in_through_the_provider_and_keeps_the_accounts_role() throws Exception {
        Browser browser = new Browser();

        HttpResponse<String> back = browser.loginAt("ana@north.example");
        String cookie = back.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        HttpResponse<String> who = browser.get(apiUrl("/api/v1/session"), cookie);

        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).contains("/");
        assertThat(who.statusCode()).isEqualTo(200);
        JsonObject session = new JsonObject(who.body());
        assertThat(session.getString("username")).isEqualTo("ana@north.example");
        assertThat(session.getString("role")).isEqualTo("operator");
        assertThat(session.getString("tenant")).isEqualTo("north");
    }

    @Test
    void a_person_the_provider_knows_but_the_platform_does_not_is_refused() throws Exception {
        HttpResponse<String> back = new Browser().loginAt("eve@elsewhere.example");

        assertThat(back.statusCode()).isEqualTo(401);
        assertThat(back.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(back.body()).contains("No account on the platform is named eve@elsewhere.example");
    }

    @Test
    void an_answer_with_a_forged_state_is_refused() throws Exception {
        HttpResponse<String> back =
                new Browser().get(apiUrl("/api/v1/session/oidc/callback?state=forged&code=anything"), null);

        assertThat(back.statusCode()).isEqualTo(401);
        assertThat(back.body()).contains("unknown or older than 10 minutes");
    }

    /** A browser that follows the provider's pages by hand: its cookies kept, its redirects followed one by one. */
    private static final class Browser {
        private static final Pattern FORM = Pattern.compile(
                "action=\"([^\"]+)\"[^>]*>\\s*<input type=\"hidden\"" + " name=\"prompt\" value=\"(\\w+)\"");
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        /** Starts at the platform, logs in at the provider as {@code login}, and returns the platform's callback. */
        HttpResponse<String> loginAt(String login) throws Exception {
            HttpResponse<String> page = get(apiUrl("/api/v1/session/oidc"), null);
            for (int step = 0; step < 12; step++) {
                if (page.uri().getPath().equals("/api/v1/session/oidc/callback")) {
                    return page;
                }
                if (page.statusCode() / 100 == 3) {
                    URI next = page.uri()
                            .resolve(page.headers().firstValue("Location").orElseThrow());
                    page = get(next.toString(), null);
                    continue;
                }
                if (page.uri().toString().startsWith(providerUrl) && page.statusCode() == 200) {
                    Matcher form = FORM.matcher(page.body());
                    assertThat(form.find()).as(page.body()).isTrue();
                    String fields = "prompt=" + form.group(2) + "&login="
                            + URLEncoder.encode(login, StandardCharsets.UTF_8) + "&password=anything";
                    page = http.send(
                            HttpRequest.newBuilder(page.uri().resolve(form.group(1)))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(fields))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    continue;
                }
                return page;
            }
            throw new AssertionError("More than 12 steps to log in; last " + page.uri() + " " + page.statusCode());
        }

        HttpResponse<String> get(String url, String cookie) throws Exception {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15));
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String apiUrl(String path) {
        return "http://127.0.0.1:" + api.actualPort() + path;
    }

    private static Process startProvider(Path modules, int port, String redirect) throws Exception {
        Path work = Files.createDirectories(folder.resolve("oidc"));
        Files.createSymbolicLink(
                work.resolve("node_modules"), modules.resolve("node_modules").toAbsolutePath());
        try (InputStream script = OidcLoginIT.class.getResourceAsStream("/oidc/provider.mjs")) {
            Files.copy(script, work.resolve("provider.mjs"));
        }
        Process process = new ProcessBuilder(
                        "node", "provider.mjs", Integer.toString(port), "mycity", "the client secret", redirect)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .start();
        CompletableFuture<Boolean> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    System.out.println("oidc-provider: " + line);
                    if (line.contains("listening")) {
                        listening.complete(true);
                    }
                }
            } catch (IOException e) {
                listening.completeExceptionally(e);
            }
            listening.complete(false);
        });
        reader.setDaemon(true);
        reader.start();
        assertThat(listening.get(30, TimeUnit.SECONDS))
                .as("oidc-provider started")
                .isTrue();
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
