package city.mycity.gateway.registry.http;

import city.mycity.gateway.exception.InvalidInputException;
import city.mycity.gateway.http.JsonBodies;
import city.mycity.gateway.registry.Device;
import city.mycity.gateway.registry.DeviceDraft;
import city.mycity.gateway.registry.DeviceStatus;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** A device as the operators' API writes and reads it. */
final class DeviceJson {

    static final Set<String> FIELDS = Set.of(
            "id",
            "gateway",
            "kind",
            "zone",
            "site",
            "latitude",
            "longitude",
            "vendor",
            "profile",
            "installedOn",
            "status",
            "firmwareVersion");

    private DeviceJson() {}

    static JsonObject of(Device d) {
        JsonObject json = new JsonObject()
                .put("id", d.id())
                .put("gateway", d.gateway())
                .put("kind", d.kind())
                .put("zone", d.zone())
                .put("site", d.site())
                .put("latitude", d.latitude())
                .put("longitude", d.longitude())
                .put("vendor", d.vendor())
                .put("profile", d.profile())
                .put("codec", d.codec())
                .put(
                        "installedOn",
                        d.installedOn() == null ? null : d.installedOn().toString())
                .put("status", d.status().code())
                .put("firmwareVersion", d.firmwareVersion())
                .put("registeredAt", d.registeredAt().toString())
                .put("updatedAt", d.updatedAt().toString())
                .put("retiredAt", d.retiredAt() == null ? null : d.retiredAt().toString())
                .put("version", d.version());
        return json;
    }

    /** The fields of a request body; unknown fields and wrong types are refused. */
    static DeviceDraft draft(JsonObject body) {
        JsonBodies.onlyKnown(body, FIELDS);
        String status = JsonBodies.text(body, "status");
        String installed = JsonBodies.text(body, "installedOn");
        return new DeviceDraft(
                JsonBodies.text(body, "id"),
                JsonBodies.text(body, "gateway"),
                JsonBodies.text(body, "kind"),
                JsonBodies.text(body, "zone"),
                JsonBodies.text(body, "site"),
                JsonBodies.number(body, "latitude"),
                JsonBodies.number(body, "longitude"),
                JsonBodies.text(body, "vendor"),
                JsonBodies.text(body, "profile"),
                installed == null ? null : day(installed),
                status == null ? null : status(status),
                JsonBodies.text(body, "firmwareVersion"));
    }

    static DeviceStatus status(String code) {
        return DeviceStatus.fromCode(code)
                .orElseThrow(() -> new InvalidInputException(
                        "status", "Unknown status " + code + ": planned, active, maintenance or retired."));
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("installedOn", "The installedOn day is written 2026-05-04.");
        }
    }
}
