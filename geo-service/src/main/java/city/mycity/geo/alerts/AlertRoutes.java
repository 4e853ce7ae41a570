package city.mycity.geo.alerts;

import city.mycity.geo.http.GeoJson;
import city.mycity.geo.http.Params;
import city.mycity.geo.http.Replies;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;

/**
 * HTTP adapter for {@link AlertQueries}: {@code GET /api/v1/alerts} lists the public's alerts not resolved yet, newest
 * first; with {@code since} (ISO-8601) every one that changed after it, resolved ones included, oldest change first.
 * GeoJSON points (an alert of a device without a place has no geometry); public and read-only.
 */
public final class AlertRoutes {

    private final AlertQueries queries;

    public AlertRoutes(AlertQueries queries) {
        this.queries = queries;
    }

    public void mount(Router router) {
        router.get("/api/v1/alerts").handler(this::alerts);
    }

    private void alerts(RoutingContext ctx) {
        Instant since = since(ctx);
        Replies.json(
                ctx,
                GeoJson.CONTENT_TYPE,
                () -> since == null ? queries.active() : queries.changedSince(since),
                AlertRoutes::collection);
    }

    private static JsonObject collection(List<PublicAlert> alerts) {
        return GeoJson.collection(alerts.stream()
                .map(alert -> GeoJson.feature(
                        alert.id(),
                        alert.location() == null ? null : GeoJson.point(alert.location()),
                        properties(alert)))
                .toList());
    }

    /** An alert's properties, as the API and the live feed give them. */
    public static JsonObject properties(PublicAlert alert) {
        return new JsonObject()
                .put("id", alert.id())
                .put("subject", alert.subject())
                .put("problem", alert.problem())
                .put("severity", alert.severity())
                .put("status", alert.status())
                .put("opened", GeoJson.time(alert.openedAt()))
                .put("resolved", GeoJson.time(alert.resolvedAt()))
                .put("detail", alert.detail())
                .put("updated", GeoJson.time(alert.updated()));
    }

    private static Instant since(RoutingContext ctx) {
        return Params.instant(ctx, "since", null);
    }
}
