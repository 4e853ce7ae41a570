package city.mycity.geo.history;

import city.mycity.geo.InvalidParameterException;
import city.mycity.geo.http.GeoJson;
import city.mycity.geo.http.Params;
import city.mycity.geo.http.Replies;
import city.mycity.storage.history.HistoryBucket;
import city.mycity.storage.history.ReadingHistory;
import city.mycity.storage.timeseries.Rollup;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * HTTP adapter for {@link ReadingHistory}: a sensor's or a zone's history of one quantity, per minute or per hour, from
 * the rollups. Public and read-only: it holds measurements of the city, nothing about a person.
 */
public final class HistoryRoutes {

    private final ReadingHistory history;
    private final String tenant;

    public HistoryRoutes(ReadingHistory history, String tenant) {
        this.history = history;
        this.tenant = tenant;
    }

    public void mount(Router router) {
        router.get("/api/v1/sensors/:id/history").handler(ctx -> reply(ctx, "sensor", history::sensor));
        router.get("/api/v1/zones/:id/history").handler(ctx -> reply(ctx, "zone", history::zone));
    }

    /** A sensor's or a zone's history, as {@link ReadingHistory} answers it. */
    @FunctionalInterface
    private interface Query {
        List<HistoryBucket> ask(String tenant, String id, String quantity, Instant from, Instant to, Rollup resolution)
                throws SQLException;
    }

    /**
     * {@code GET /api/v1/{sensors|zones}/{id}/history?quantity=fill&resolution=hour&from=...&to=...}: by default the 7
     * days (hour) or the day (minute) up to now; the answer names the sensor or zone under {@code scope}.
     */
    private void reply(RoutingContext ctx, String scope, Query query) {
        String id = ctx.pathParam("id");
        Request r = Request.of(ctx);
        Replies.json(
                ctx,
                "application/json",
                () -> query.ask(tenant, id, r.quantity(), r.from(), r.to(), r.resolution()),
                buckets -> r.encode(buckets).put(scope, id));
    }

    /** A history request's parameters, checked. */
    private record Request(String quantity, Rollup resolution, Instant from, Instant to) {

        static Request of(RoutingContext ctx) {
            String quantity = Params.text(ctx, "quantity");
            if (quantity == null || quantity.isBlank()) {
                throw new InvalidParameterException(
                        "quantity", "quantity is required, e.g. fill, occupied, flow or pressure.");
            }
            String resolutionText = Params.text(ctx, "resolution");
            Rollup resolution;
            if (resolutionText == null || resolutionText.equals("hour")) {
                resolution = Rollup.HOUR;
            } else if (resolutionText.equals("minute")) {
                resolution = Rollup.MINUTE;
            } else {
                throw new InvalidParameterException("resolution", "resolution must be minute or hour.");
            }
            Instant to = Params.instant(ctx, "to", Instant.now());
            Duration span = resolution == Rollup.HOUR ? Duration.ofDays(7) : Duration.ofDays(1);
            Instant from = Params.instant(ctx, "from", to.minus(span));
            if (!from.isBefore(to)) {
                throw new InvalidParameterException("from", "from must be before to.");
            }
            Duration longest = ReadingHistory.longest(resolution);
            if (Duration.between(from, to).compareTo(longest) > 0) {
                throw new InvalidParameterException(
                        "from",
                        "Parameters from and to are more than " + longest.toDays() + " days apart: a history per "
                                + resolution.name().toLowerCase(Locale.ROOT) + " covers at most " + longest.toDays()
                                + " days; ask for a shorter span or resolution=hour.");
            }
            return new Request(quantity.trim(), resolution, from, to);
        }

        JsonObject encode(List<HistoryBucket> buckets) {
            JsonArray rows = new JsonArray();
            for (HistoryBucket b : buckets) {
                rows.add(new JsonObject()
                        .put("start", GeoJson.time(b.start()))
                        .put("readings", b.readings())
                        .put("devices", b.devices())
                        .put("mean", b.mean())
                        .put("min", b.min())
                        .put("max", b.max()));
            }
            return new JsonObject()
                    .put("quantity", quantity)
                    .put("resolution", resolution == Rollup.HOUR ? "hour" : "minute")
                    .put("from", GeoJson.time(from))
                    .put("to", GeoJson.time(to))
                    .put("buckets", rows);
        }
    }
}
