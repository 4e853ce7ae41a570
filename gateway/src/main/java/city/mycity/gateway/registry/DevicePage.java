package city.mycity.gateway.registry;

import java.util.List;

/**
 * One page of a search.
 *
 * @param next where the next page starts ({@link DeviceSearch#after()}), or {@code null} on the last page
 */
public record DevicePage(List<Device> devices, String next) {}
