package city.mycity.geo.city;

import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.Provenance;
import city.mycity.citymodel.Street;
import city.mycity.geo.http.GeoJson;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.Locale;

/**
 * Serves the city model itself: its description and its streets. The model does not change while the service runs,
 * so both documents are encoded once.
 */
public final class CityRoutes {

    private final Buffer city;
    private final Buffer streets;

    public CityRoutes(CityModel model) {
        this.city = Buffer.buffer(describe(model).encode());
        this.streets = Buffer.buffer(GeoJson.collection(
                        model.streets().stream().map(CityRoutes::street).toList())
                .encode());
    }

    public void mount(Router router) {
        router.get("/api/v1/city").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "max-age=300")
                .end(city));
        router.get("/api/v1/city/streets").handler(ctx -> ctx.response()
                .putHeader("Content-Type", GeoJson.CONTENT_TYPE)
                .putHeader("Cache-Control", "max-age=300")
                .end(streets));
    }

    static JsonObject describe(CityModel model) {
        JsonArray zones = new JsonArray();
        model.zones()
                .forEach(z -> zones.add(
                        new JsonObject().put("id", z.id()).put("name", z.name()).put("bbox", GeoJson.bbox(z.area()))));
        Provenance p = model.provenance();
        JsonObject provenance = new JsonObject()
                .put("source", p.source())
                .put("licence", p.licence())
                .put("attribution", p.attribution())
                .put("notes", new JsonArray(p.notes()));
        JsonObject counts = new JsonObject()
                .put("zones", model.zones().size())
                .put("streets", model.streets().size())
                .put("carParks", model.carParks().size())
                .put("sensors", model.sensors().size());
        return new JsonObject()
                .put("name", model.name())
                .put("tenant", model.tenant())
                .put("bounds", GeoJson.bbox(model.bounds()))
                .put("center", GeoJson.position(model.bounds().center()))
                .put("zones", zones)
                .put("counts", counts)
                .put("provenance", provenance);
    }

    private static JsonObject street(Street s) {
        JsonObject properties = new JsonObject()
                .put("name", s.name())
                .put("class", s.roadClass().name().toLowerCase(Locale.ROOT));
        return GeoJson.feature(s.id(), GeoJson.lineString(s.points()), properties);
    }
}
