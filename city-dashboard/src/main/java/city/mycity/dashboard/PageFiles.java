package city.mycity.dashboard;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pages' files as the build left them: which have a gzip copy (listed in {@code precompressed.txt}), and how long
 * browsers may keep each. Sends the gzip copy to browsers that accept it, and sets the caching headers of every file.
 */
final class PageFiles {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "mjs", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "json", "application/json",
            "webmanifest", "application/manifest+json",
            "txt", "text/plain; charset=utf-8");

    /**
     * What a page may load and run: its own files and the API of its own origin, workers from its own files (the map's,
     * the crew's service worker), images from itself and data URLs; no frames, no plug-ins, no other site. Styles set
     * by scripts (the map, the charts) are inline styles, hence {@code 'unsafe-inline'} for styles only.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; worker-src 'self' blob:;"
            + " connect-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self';"
            + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private final String webroot;
    private final Set<String> compressed;

    private PageFiles(String webroot, Set<String> compressed) {
        this.webroot = webroot;
        this.compressed = compressed;
    }

    /** Reads the list of gzip copies from the webroot on the classpath (none when the list is missing). */
    static PageFiles load(String webroot) {
        try (InputStream in = PageFiles.class.getClassLoader().getResourceAsStream(webroot + "/precompressed.txt")) {
            if (in == null) {
                return new PageFiles(webroot, Set.of());
            }
            Set<String> names = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
            return new PageFiles(webroot, names);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + webroot + "/precompressed.txt", e);
        }
    }

    /** Sends the gzip copy of the file when there is one and the browser accepts gzip; otherwise the next handler. */
    void serveCompressed(RoutingContext ctx) {
        String name = name(ctx.normalizedPath());
        ctx.response()
                .putHeader(HttpHeaders.CACHE_CONTROL, cacheControl(name))
                .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "same-origin");
        if (name == null || !compressed.contains(name) || !acceptsGzip(ctx)) {
            ctx.next();
            return;
        }
        String type = TYPES.getOrDefault(extension(name), "application/octet-stream");
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, type)
                .putHeader(HttpHeaders.CONTENT_ENCODING, "gzip")
                .putHeader(HttpHeaders.VARY, "Accept-Encoding")
                .sendFile(webroot + "/" + name + ".gz")
                .onFailure(e -> {
                    if (!ctx.response().headWritten()) {
                        ctx.response().headers().remove(HttpHeaders.CONTENT_ENCODING);
                        ctx.next();
                    }
                });
    }

    /** The file a path names, {@code index.html} for a folder; {@code null} for a path that leaves the webroot. */
    static String name(String path) {
        if (path == null || path.contains("..") || path.contains("\\")) {
            return null;
        }
        String name = path.startsWith("/") ? path.substring(1) : path;
        return name.isEmpty() || name.endsWith("/") ? name + "index.html" : name;
    }

    /** A year for files with a content hash in their name, a check at every visit for the rest. */
    static String cacheControl(String name) {
        return name != null && name.startsWith("assets/")
                ? "public, max-age=" + Dashboard.ASSET_MAX_AGE_SECONDS + ", immutable"
                : "no-cache";
    }

    private static boolean acceptsGzip(RoutingContext ctx) {
        String accepted = ctx.request().getHeader(HttpHeaders.ACCEPT_ENCODING);
        return accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip");
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
