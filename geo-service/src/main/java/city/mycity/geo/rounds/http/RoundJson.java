package city.mycity.geo.rounds.http;

import city.mycity.geo.http.GeoJson;
import city.mycity.geo.rounds.CrewRound;
import city.mycity.geo.rounds.CrewStop;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A crew's round as the phone reads it. */
final class RoundJson {

    private RoundJson() {}

    static JsonObject of(CrewRound round) {
        JsonArray stops = new JsonArray();
        round.stops().forEach(stop -> stops.add(stop(stop)));
        return new JsonObject()
                .put("day", round.day().toString())
                .put("crew", round.crew())
                .put("truck", round.truck())
                .put("planned_at", GeoJson.time(round.plannedAt()))
                .put("updated", GeoJson.time(round.updated()))
                .put("route", round.route() == null ? null : new JsonObject(round.route()))
                .put("stops", stops);
    }

    static JsonObject stop(CrewStop stop) {
        return new JsonObject()
                .put("position", stop.position())
                .put("bin", stop.bin())
                .put("lon", stop.location().longitude())
                .put("lat", stop.location().latitude())
                .put("street", stop.street())
                .put("fill", stop.fill() == null ? null : Math.round(stop.fill() * 10) / 10.0)
                .put("status", stop.status().code())
                .put("reason", stop.reason() == null ? null : stop.reason().code())
                .put("note", stop.note())
                .put("reported_at", GeoJson.time(stop.reportedAt()))
                .put("reported_by", stop.reportedBy());
    }
}
