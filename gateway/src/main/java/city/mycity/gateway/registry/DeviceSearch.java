package city.mycity.gateway.registry;

import city.mycity.gateway.exception.InvalidInputException;

/**
 * Which of a council's devices to list: each filter {@code null} for any, in order of id, {@code limit} at a time
 * after the id {@code after} (the previous page's {@link DevicePage#next()}).
 *
 * @param idPrefix devices whose id starts with this
 */
public record DeviceSearch(
        String kind, String gateway, String zone, DeviceStatus status, String idPrefix, String after, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public DeviceSearch {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "A page holds 1 to " + MAX_LIMIT + " devices.");
        }
    }

    /** Every device, the first page. */
    public static DeviceSearch all() {
        return new DeviceSearch(null, null, null, null, null, null, DEFAULT_LIMIT);
    }
}
