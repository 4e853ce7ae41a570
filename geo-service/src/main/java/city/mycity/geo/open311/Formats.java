package city.mycity.geo.open311;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Open311's two formats: JSON as built, and XML as the GeoReport v2 specification writes it (a root element, an
 * element per list item named in the singular, an element per field).
 */
final class Formats {

    /** The element of one item of each list. */
    private static final Map<String, String> ITEMS = Map.of(
            "services", "service",
            "service_requests", "request",
            "attributes", "attribute",
            "values", "value",
            "endpoints", "endpoint",
            "formats", "format",
            "errors", "error");

    private Formats() {}

    static String contentType(String format) {
        return format.equals("xml") ? "text/xml; charset=utf-8" : "application/json";
    }

    /** The list as the format writes it; {@code root} names its XML element. */
    static String write(String format, String root, JsonArray list) {
        if (format.equals("json")) {
            return list.encode();
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        element(xml, root, list);
        return xml.toString();
    }

    /** One object as the format writes it. */
    static String write(String format, String root, JsonObject object) {
        if (format.equals("json")) {
            return object.encode();
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        element(xml, root, object);
        return xml.toString();
    }

    private static void element(StringBuilder xml, String name, Object value) {
        if (value == null) {
            xml.append('<').append(name).append("/>");
            return;
        }
        xml.append('<').append(name).append('>');
        if (value instanceof JsonObject object) {
            for (Map.Entry<String, Object> field : object) {
                element(xml, field.getKey(), field.getValue());
            }
        } else if (value instanceof JsonArray array) {
            String item = ITEMS.getOrDefault(name, "item");
            for (Object element : array) {
                element(xml, item, element);
            }
        } else {
            escape(xml, String.valueOf(value));
        }
        xml.append("</").append(name).append('>');
    }

    private static void escape(StringBuilder xml, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '&' -> xml.append("&amp;");
                case '"' -> xml.append("&quot;");
                case '\'' -> xml.append("&apos;");
                default -> {
                    // XML 1.0 has no place for most control characters: leave them out.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        xml.append(c);
                    }
                }
            }
        }
    }
}
