package city.mycity.dashboard;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The MyCity web page: static files (HTML, CSS, ES modules, and the MapLibre GL JS library unpacked at build time)
 * served from the classpath. The page reads the geo-service API from the same origin, so mount it on the geo-service's
 * router: {@code GeoService.builder()...mount("/*", Dashboard.router(vertx))}.
 */
public final class Dashboard {

    /** The classpath folder of the web page. */
    public static final String WEBROOT = "city/mycity/dashboard/webroot";

    /** How long browsers may reuse a file before asking again. */
    public static final long MAX_AGE_SECONDS = 300;

    private Dashboard() {}

    /** A router that serves the page at {@code /} and its files below it. */
    public static Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        mountOn(router);
        return router;
    }

    /** Adds the page's files to an existing router, at {@code /}, after its other routes. */
    public static void mountOn(Router router) {
        router.get("/*").handler(handler());
    }

    static StaticHandler handler() {
        return StaticHandler.create(WEBROOT)
                .setIndexPage("index.html")
                .setMaxAgeSeconds(MAX_AGE_SECONDS)
                .setSendVaryHeader(false);
    }
}
