package city.mycity.geo.places;

import city.mycity.geo.InvalidParameterException;
import city.mycity.geo.http.Params;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/places?q=market&limit=8}: the city's streets, car parks and areas whose name matches, best first,
 * for the pages' "where are you going?" and "where is the problem?". The city model does not change while the service
 * runs, so the search is in memory and answered on the event loop; public and read-only.
 */
public final class PlaceRoutes {

    /** The longest text searched for. */
    public static final int MAX_QUERY = 100;

    private final PlaceIndex index;

    public PlaceRoutes(PlaceIndex index) {
        this.index = index;
    }

    public void mount(Router router) {
        router.get("/api/v1/places").handler(this::search);
    }

    private void search(RoutingContext ctx) {
        String q = Params.text(ctx, "q");
        if (q == null || q.isBlank() || q.length() > MAX_QUERY) {
            throw new InvalidParameterException(
                    "q", "Parameter q is the text to search for: 1 to " + MAX_QUERY + " characters.");
        }
        int limit = Params.integer(ctx, "limit", 8, 1, 50);
        JsonArray places = new JsonArray();
        index.search(q, limit)
                .forEach(p -> places.add(new JsonObject()
                        .put("name", p.name())
                        .put("kind", p.kind())
                        .put("lat", p.location().latitude())
                        .put("lon", p.location().longitude())));
        ctx.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "max-age=300")
                .end(new JsonObject().put("places", places).toBuffer());
    }
}
