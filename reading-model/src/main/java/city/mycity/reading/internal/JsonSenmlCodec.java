package city.mycity.reading.internal;

import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.SenmlRecord;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** SenML JSON (RFC 8428, section 5) with the field labels of its table 4, plus MyCity's {@code seq}. */
public final class JsonSenmlCodec implements SenmlCodec {

    public static final JsonSenmlCodec INSTANCE = new JsonSenmlCodec();

    private static final Set<String> KNOWN =
            Set.of("bn", "bt", "bu", "bv", "bs", "bver", "n", "u", "v", "vs", "vb", "vd", "s", "t", "ut", "seq");

    private final ObjectMapper mapper =
            new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final JsonFactory factory = mapper.getFactory();

    private JsonSenmlCodec() {}

    @Override
    public byte[] encode(SenmlPack pack) {
        ByteArrayOutputStream out =
                new ByteArrayOutputStream(64 * pack.records().size());
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.writeStartArray();
            for (SenmlRecord r : pack.records()) {
                json.writeStartObject();
                writeString(json, "bn", r.baseName());
                writeNumber(json, "bt", r.baseTime());
                writeString(json, "bu", r.baseUnit());
                writeNumber(json, "bv", r.baseValue());
                if (r.baseVersion() != null) {
                    json.writeNumberField("bver", r.baseVersion());
                }
                writeString(json, "n", r.name());
                writeString(json, "u", r.unit());
                writeNumber(json, "v", r.value());
                writeString(json, "vs", r.stringValue());
                if (r.booleanValue() != null) {
                    json.writeBooleanField("vb", r.booleanValue());
                }
                writeString(json, "vd", r.dataValue());
                writeNumber(json, "s", r.sum());
                writeNumber(json, "t", r.time());
                if (r.sequence() != null) {
                    json.writeNumberField("seq", r.sequence());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a SenML pack to memory.", e);
        }
        return out.toByteArray();
    }

    @Override
    public Decoded decode(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return Decoded.failed("the payload is empty");
        }
        JsonNode root;
        try {
            root = mapper.readTree(payload);
        } catch (JsonProcessingException e) {
            return Decoded.failed("not JSON: " + e.getOriginalMessage());
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return Decoded.failed("unreadable: " + e.getMessage());
        }
        if (root == null || !root.isArray()) {
            return Decoded.failed("a SenML pack must be a JSON array of records");
        }
        if (root.isEmpty()) {
            return Decoded.failed("the SenML pack has no records");
        }
        List<SenmlRecord> records = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            if (!node.isObject()) {
                return Decoded.failed("record " + i + " is not a JSON object");
            }
            String problem = checkTypes(node);
            if (problem != null) {
                return Decoded.wrongType("record " + i + ": " + problem);
            }
            records.add(toRecord(node));
        }
        return Decoded.ok(new SenmlPack(records));
    }

    private static String checkTypes(JsonNode node) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String label = field.getKey();
            JsonNode value = field.getValue();
            if (!KNOWN.contains(label)) {
                if (label.endsWith("_")) {
                    return "field '" + label + "' must be understood but is not supported";
                }
                continue;
            }
            String expected =
                    switch (label) {
                        case "bn", "bu", "n", "u", "vs", "vd" -> value.isTextual() ? null : "a string";
                        case "vb" -> value.isBoolean() ? null : "a boolean";
                        // Checked here, not cut to fit later: a sequence number past 64 bits is not a smaller one.
                        case "bver" -> value.isIntegralNumber() && value.canConvertToInt() ? null : "a 32-bit integer";
                        case "seq" -> value.isIntegralNumber() && value.canConvertToLong() ? null : "a 64-bit integer";
                        default -> value.isNumber() ? null : "a number";
                    };
            if (expected != null) {
                return "field '" + label + "' must be " + expected + " but was " + describe(value);
            }
        }
        return null;
    }

    private static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "the string \"" + truncate(value.asText()) + "\"";
            case NUMBER -> "the number " + truncate(value.asText());
            case BOOLEAN -> "the boolean " + value.asText();
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String truncate(String text) {
        return text.length() <= 32 ? text : text.substring(0, 32) + "…";
    }

    private static SenmlRecord toRecord(JsonNode node) {
        return new SenmlRecord(
                text(node, "bn"),
                number(node, "bt"),
                text(node, "bu"),
                number(node, "bv"),
                node.has("bver") ? node.get("bver").intValue() : null,
                text(node, "n"),
                text(node, "u"),
                number(node, "v"),
                text(node, "vs"),
                node.has("vb") ? node.get("vb").booleanValue() : null,
                text(node, "vd"),
                number(node, "s"),
                number(node, "t"),
                node.has("seq") ? node.get("seq").longValue() : null);
    }

    private static String text(JsonNode node, String label) {
        JsonNode value = node.get(label);
        return value == null ? null : value.textValue();
    }

    private static Double number(JsonNode node, String label) {
        JsonNode value = node.get(label);
        return value == null ? null : value.doubleValue();
    }

    private static void writeString(JsonGenerator json, String label, String value) throws IOException {
        if (value != null) {
            json.writeStringField(label, value);
        }
    }

    private static void writeNumber(JsonGenerator json, String label, Double value) throws IOException {
        if (value != null) {
            double v = value;
            if (!Double.isFinite(v)) {
                // JSON has no NaN or Infinity, and a string would make the whole pack the wrong type. A number past
                // the largest double reads back as infinite, which the validator refuses as it refuses NaN: a value
                // out of range, a time that is none.
                json.writeFieldName(label);
                json.writeNumber(v < 0 ? "-1e999" : "1e999");
            } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                json.writeNumberField(label, (long) v);
            } else {
                json.writeNumberField(label, v);
            }
        }
    }
}
