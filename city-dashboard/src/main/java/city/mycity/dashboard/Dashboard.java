package city.mycity.dashboard;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The MyCity web pages, built from {@code web/} by Vite at build time and served from the classpath: the public pages
 * ({@code /} parking, {@code /around.html}, {@code /report.html}, {@code /open-data.html}), the operations centre
 * ({@code /ops/}) and the refuse crews' round ({@code /crew/}). The pages read the platform's API from the same origin,
 * so mount them on the geo-service's router, after its API: {@code GeoService.builder()...mount("/*",
 * Dashboard.router(vertx))}.
 *
 * <p>A browser that accepts gzip gets the copy compressed at build time. Files under {@code /assets/} have a hash of
 * their content in their name, so browsers keep them for a year; pages are checked again at every visit, so that a new
 * version is seen at once.
 */
public final class Dashboard {

    /** The classpath folder of the pages. */
    public static final String WEBROOT = "city/mycity/dashboard/webroot";

    /** How long browsers keep a file whose name changes with its content: a year. */
    public static final long ASSET_MAX_AGE_SECONDS = 365L * 24 * 3600;

    private Dashboard() {}

    /** A router that serves the pages at {@code /} and their files below it. */
    public static Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        mountOn(router);
        return router;
    }

    /** Adds the pages to an existing router, at {@code /}, after its other routes. */
    public static void mountOn(Router router) {
        PageFiles files = PageFiles.load(WEBROOT);
        router.get("/*").handler(files::serveCompressed);
        router.get("/*").handler(files()::handle);
    }

    private static StaticHandler files() {
        return StaticHandler.create(WEBROOT)
                .setIndexPage("index.html")
                .setCachingEnabled(false)
                .setSendVaryHeader(false);
    }
}
