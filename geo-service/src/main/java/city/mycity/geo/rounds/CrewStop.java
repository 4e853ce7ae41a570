package city.mycity.geo.rounds;

import city.mycity.citymodel.GeoPoint;
import java.time.Instant;

/**
 * A bin on a crew's round.
 *
 * @param position its place in the order, from 1: reported stops first, as reported, then the ones still to do
 * @param street the name of the street it stands on, or {@code null}
 * @param fill how full it is now, percent, or {@code null} while unknown
 * @param reason why it was not emptied, or {@code null}
 * @param reportedAt when the crew pressed the button, or {@code null} while planned
 */
public record CrewStop(
        int position,
        String bin,
        GeoPoint location,
        String street,
        Double fill,
        StopStatus status,
        Reason reason,
        String note,
        Instant reportedAt,
        String reportedBy) {}
