package city.mycity.geo.basemap;

import city.mycity.geo.http.Problems;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The city's base map, served by the platform: {@code /api/v1/basemap/{layer}.geojson} (roads, green, water,
 * buildings) and the labels' glyphs at {@code /api/v1/basemap/glyphs/{fontstack}/{start}-{end}.pbf}. Nothing of a map
 * is fetched from another server.
 */
public final class BaseMapRoutes {

    private static final Pattern RANGE = Pattern.compile("(\\d{1,5})-(\\d{1,5})\\.pbf");

    private final BaseMapLayers layers;
    private final Glyphs glyphs;

    public BaseMapRoutes(BaseMapLayers layers, Glyphs glyphs) {
        this.layers = layers;
        this.glyphs = glyphs;
    }

    public void mount(Router router) {
        router.get("/api/v1/basemap/:layer").handler(this::layer);
        router.get("/api/v1/basemap/glyphs/:fontstack/:range").handler(this::glyphs);
    }

    private void layer(RoutingContext ctx) {
        String file = ctx.pathParam("layer");
        String name = file.endsWith(".geojson") ? file.substring(0, file.length() - ".geojson".length()) : "";
        layers.layer(name)
                .ifPresentOrElse(
                        json -> ctx.response()
                                .putHeader("Content-Type", "application/geo+json")
                                .putHeader("Cache-Control", "public, max-age=3600")
                                .end(json),
                        () -> Problems.send(
                                ctx,
                                404,
                                "Not Found",
                                "The base map's layers are "
                                        + BaseMapLayers.NAMES.stream()
                                                .map(n -> n + ".geojson")
                                                .toList() + ".",
                                null));
    }

    private void glyphs(RoutingContext ctx) {
        Matcher m = RANGE.matcher(ctx.pathParam("range"));
        int start = m.matches() ? Integer.parseInt(m.group(1)) : -1;
        if (start < 0 || start % 256 != 0 || start > 65280 || Integer.parseInt(m.group(2)) != start + 255) {
            Problems.send(
                    ctx,
                    404,
                    "Not Found",
                    "Glyph ranges are {start}-{start + 255}.pbf, start a multiple of 256.",
                    null);
            return;
        }
        String fontstack = ctx.pathParam("fontstack");
        ctx.vertx()
                .executeBlocking(() -> glyphs.range(fontstack, start), false)
                .onSuccess(pbf -> {
                    if (pbf == null) {
                        Problems.send(ctx, 404, "Not Found", "The fonts served are " + Glyphs.FONTS + ".", null);
                    } else {
                        ctx.response()
                                .putHeader("Content-Type", "application/x-protobuf")
                                .putHeader("Cache-Control", "public, max-age=86400")
                                .end(Buffer.buffer(pbf));
                    }
                })
                .onFailure(ctx::fail);
    }
}
