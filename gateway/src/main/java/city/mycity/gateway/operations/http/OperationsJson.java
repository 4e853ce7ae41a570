package city.mycity.gateway.operations.http;

import city.mycity.gateway.operations.GatewayBoard.GatewayList;
import city.mycity.gateway.operations.GatewayHealth;
import city.mycity.gateway.operations.QueuedAlert;
import city.mycity.gateway.operations.SensorMark;
import city.mycity.gateway.operations.SensorSnapshot;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The operations centre's answers as JSON: snake_case members, instants in ISO-8601 UTC (a sensor's {@code last_seen}
 * to the second, to keep 20,000 of them small), absent values as null.
 */
final class OperationsJson {

    private OperationsJson() {}

    static JsonObject sensors(SensorSnapshot snapshot, boolean polling) {
        JsonArray sensors = new JsonArray();
        for (SensorMark m : snapshot.sensors()) {
            sensors.add(new JsonObject()
                    .put("id", m.id())
                    .put("kind", m.kind())
                    .put("zone", m.zone())
                    .put("lon", m.longitude())
                    .put("lat", m.latitude())
                    .put("state", m.state().code())
                    .put("battery", m.battery())
                    .put(
                            "last_seen",
                            m.lastSeen() == null ? null : text(m.lastSeen().truncatedTo(ChronoUnit.SECONDS)))
                    .put("alerts", m.alerts()));
        }
        JsonObject json = new JsonObject().put("as_of", text(snapshot.asOf())).put("sensors", sensors);
        if (polling) {
            json.put("removed", new JsonArray(snapshot.removed()));
        }
        return json;
    }

    static JsonObject alert(QueuedAlert a) {
        return new JsonObject()
                .put("id", a.id())
                .put("subject", a.subject())
                .put("kind", a.kind())
                .put("zone", a.zone())
                .put("problem", a.problem())
                .put("severity", a.severity())
                .put("status", a.status())
                .put("opened_at", text(a.openedAt()))
                .put("updated_at", text(a.updatedAt()))
                .put("reopened", a.reopened())
                .put("detail", a.detail())
                .put("lon", a.longitude())
                .put("lat", a.latitude())
                .put("acknowledged_by", a.acknowledgedBy())
                .put("acknowledged_at", text(a.acknowledgedAt()))
                .put("acknowledge_note", a.acknowledgeNote())
                .put("resolved_at", text(a.resolvedAt()))
                .put("resolved_by", a.resolvedBy())
                .put("resolve_note", a.resolveNote());
    }

    static JsonObject gateways(GatewayList list) {
        JsonArray gateways = new JsonArray();
        for (GatewayHealth g : list.gateways()) {
            JsonObject health = new JsonObject();
            g.health().forEach((quantity, value) -> health.put(quantity.replace('-', '_'), value));
            gateways.add(new JsonObject()
                    .put("id", g.id())
                    .put("zone", g.zone())
                    .put("lon", g.longitude())
                    .put("lat", g.latitude())
                    .put("firmware_version", g.firmwareVersion())
                    .put("state", g.state().code())
                    .put("last_seen", text(g.lastSeen()))
                    .put("health", health)
                    .put("sensors", g.sensors())
                    .put("alerts", g.alerts()));
        }
        return new JsonObject().put("as_of", text(list.asOf())).put("gateways", gateways);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
