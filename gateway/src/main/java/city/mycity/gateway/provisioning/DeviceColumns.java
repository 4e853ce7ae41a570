package city.mycity.gateway.provisioning;

import city.mycity.gateway.exception.InvalidInputException;
import city.mycity.gateway.registry.DeviceDraft;
import city.mycity.gateway.registry.DeviceStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of a device import, named by the file's header in any order: {@code id, gateway, kind, zone, latitude,
 * longitude} are required; {@code site, vendor, profile, installed_on, status, firmware_version} may be left out or
 * empty. Names are read without case and underscores ({@code installedOn} is {@code installed_on}).
 */
final class DeviceColumns {

    static final List<String> REQUIRED = List.of("id", "gateway", "kind", "zone", "latitude", "longitude");
    static final List<String> OPTIONAL =
            List.of("site", "vendor", "profile", "installed_on", "status", "firmware_version");

    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("-?\\d{1,3}(\\.\\d{1,15})?");

    private final Map<String, Integer> index;

    private DeviceColumns(Map<String, Integer> index) {
        this.index = index;
    }

    /** Reads the header; a missing, unknown or repeated column refuses the whole file. */
    static DeviceColumns of(List<String> header) {
        Map<String, String> known = new HashMap<>();
        for (String name : REQUIRED) {
            known.put(normal(name), name);
        }
        for (String name : OPTIONAL) {
            known.put(normal(name), name);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String raw = i == 0 ? header.get(i).replace("\uFEFF", "") : header.get(i);
            String name = known.get(normal(raw));
            if (name == null) {
                throw new InvalidInputException(
                        raw, "Unknown column '" + raw + "'; the columns are " + REQUIRED + " and " + OPTIONAL + ".");
            }
            if (index.put(name, i) != null) {
                throw new InvalidInputException(name, "Column " + name + " is given twice.");
            }
        }
        for (String name : REQUIRED) {
            if (!index.containsKey(name)) {
                throw new InvalidInputException(name, "The header has no column " + name + ": it is required.");
            }
        }
        return new DeviceColumns(index);
    }

    /** A row as a draft; a wrong field is refused by {@link DeviceDraft#checkNew()} or here, naming the column. */
    DeviceDraft draft(List<String> fields) {
        if (fields.size() != index.size()) {
            throw new InvalidInputException(
                    null, "The row has " + fields.size() + " field(s); the header has " + index.size() + ".");
        }
        String status = text(fields, "status");
        String installed = text(fields, "installed_on");
        return new DeviceDraft(
                        text(fields, "id"),
                        text(fields, "gateway"),
                        text(fields, "kind"),
                        text(fields, "zone"),
                        text(fields, "site"),
                        number(fields, "latitude"),
                        number(fields, "longitude"),
                        text(fields, "vendor"),
                        text(fields, "profile"),
                        installed == null ? null : day(installed),
                        status == null ? DeviceStatus.ACTIVE : status(status),
                        text(fields, "firmware_version"))
                .checkNew();
    }

    private String text(List<String> fields, String column) {
        Integer i = index.get(column);
        if (i == null) {
            return null;
        }
        String value = fields.get(i).trim();
        return value.isEmpty() ? null : value;
    }

    private Double number(List<String> fields, String column) {
        String text = text(fields, column);
        if (text == null) {
            return null;
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new InvalidInputException(column, "'" + text + "' is not a decimal number such as -1.5037.");
        }
        return Double.parseDouble(text);
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("installed_on", "'" + text + "' is not a day written 2026-05-04.");
        }
    }

    private static DeviceStatus status(String code) {
        return DeviceStatus.fromCode(code.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new InvalidInputException(
                        "status", "Unknown status '" + code + "': planned, active, maintenance or retired."));
    }

    private static String normal(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace("_", "");
    }
}
