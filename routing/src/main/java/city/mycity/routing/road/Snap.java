package city.mycity.routing.road;

import city.mycity.citymodel.GeoPoint;

/**
 * Where a place meets the road network: the nearest point of a road segment.
 *
 * @param segment the segment, from its first point to its second
 * @param fraction where along it, 0 at its first point and 1 at its second
 * @param point the point on the road
 * @param offRoadMetres how far the place is from it
 */
public record Snap(int segment, double fraction, GeoPoint point, double offRoadMetres) {}
