package city.mycity.geo.sensors;

import city.mycity.citymodel.BoundingBox;
import city.mycity.geo.http.GeoJson;
import city.mycity.geo.http.Params;
import city.mycity.geo.http.Replies;
import city.mycity.reading.SensorKind;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** HTTP adapter for {@link SensorQueries}: sensors in a box. */
public final class SensorRoutes {

    private final SensorQueries queries;
    private final int maxSensors;

    /** @param maxSensors the most sensors one response holds (and the default {@code limit}) */
    public SensorRoutes(SensorQueries queries, int maxSensors) {
        this.queries = queries;
        this.maxSensors = maxSensors;
    }

    public void mount(Router router) {
        router.get("/api/v1/sensors").handler(this::sensors);
    }

    private void sensors(RoutingContext ctx) {
        BoundingBox box = SensorQuery.parseBox(Params.text(ctx, "bbox"));
        SensorKind kind = SensorQuery.parseKind(Params.text(ctx, "kind")).orElse(null);
        String site = Params.text(ctx, "site");
        int limit = Params.integer(ctx, "limit", maxSensors, 1, maxSensors);
        SensorQuery query = new SensorQuery(box, kind, site == null || site.isBlank() ? null : site.trim(), limit);
        Replies.json(ctx, GeoJson.CONTENT_TYPE, () -> queries.find(query), page -> GeoJson.collection(
                        page.sensors().stream().map(SensorRoutes::feature).toList())
                .put("numberReturned", page.sensors().size())
                .put("truncated", page.truncated()));
    }

    private static JsonObject feature(SensorView s) {
        JsonObject state = new JsonObject();
        s.state()
                .forEach(q -> state.put(
                        q.quantity(),
                        new JsonObject()
                                .put("value", q.value())
                                .put("unit", q.unit())
                                .put("time", GeoJson.time(q.time()))));
        JsonObject properties = new JsonObject()
                .put("id", s.id())
                .put("kind", s.kind())
                .put("zone", s.zone())
                .put("site", s.site())
                .put("state", state);
        return GeoJson.feature(s.id(), GeoJson.point(s.location()), properties);
    }
}
