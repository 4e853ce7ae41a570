package city.mycity.geo.open311;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The JSON of services and requests, with GeoReport v2's field names. */
final class Representations {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private Representations() {}

    static JsonObject service(Service s) {
        return new JsonObject()
                .put("service_code", s.code())
                .put("service_name", s.name())
                .put("description", s.description())
                .put("metadata", !s.attributes().isEmpty())
                .put("type", "realtime")
                .put("keywords", String.join(", ", s.keywords()))
                .put("group", s.group());
    }

    static JsonObject definition(Service s) {
        JsonArray attributes = new JsonArray();
        int order = 1;
        for (Service.Attribute a : s.attributes()) {
            JsonArray values = new JsonArray();
            for (Service.Value v : a.values()) {
                values.add(new JsonObject().put("key", v.key()).put("name", v.name()));
            }
            attributes.add(new JsonObject()
                    .put("variable", true)
                    .put("code", a.code())
                    .put("datatype", a.datatype())
                    .put("required", a.required())
                    .put("datatype_description", a.values().isEmpty() ? null : "One of the keys of values.")
                    .put("order", order++)
                    .put("description", a.description())
                    .put("values", values));
        }
        return new JsonObject().put("service_code", s.code()).put("attributes", attributes);
    }

    static JsonObject request(ServiceRequest r, String mediaRoot) {
        Service service = Service.of(r.serviceCode()).orElse(null);
        return new JsonObject()
                .put("service_request_id", Long.toString(r.id()))
                .put("status", r.status())
                .put("status_notes", r.statusNotes())
                .put("service_name", service == null ? r.serviceCode() : service.name())
                .put("service_code", r.serviceCode())
                .put("description", r.description())
                .put("agency_responsible", null)
                .put("service_notice", null)
                .put("requested_datetime", time(r.requested()))
                .put("updated_datetime", time(r.updated()))
                .put("expected_datetime", null)
                .put("address", r.address())
                .put("address_id", null)
                .put("zipcode", null)
                .put("lat", r.latitude())
                .put("long", r.longitude())
                .put("media_url", r.photo() == null ? null : mediaRoot + r.photo() + ".jpg");
    }

    static String time(Instant t) {
        return TIME.format(t.atOffset(ZoneOffset.UTC).withNano(0));
    }
}
