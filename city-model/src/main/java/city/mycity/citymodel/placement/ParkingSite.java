package city.mycity.citymodel.placement;

import city.mycity.citymodel.GeoPoint;

/**
 * An off-street car park as a source found it, before placement numbers it and gives it bay sensors.
 *
 * @param name its name, or {@code null} when the source has none
 * @param capacity the spaces the source states or estimates (not yet clamped by the {@link PlacementPlan})
 */
public record ParkingSite(String name, GeoPoint location, int capacity) {}
