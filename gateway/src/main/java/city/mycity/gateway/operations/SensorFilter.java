package city.mycity.gateway.operations;

import java.time.Instant;

/**
 * Which of the council's sensors an answer holds.
 *
 * @param kind only this kind (e.g. {@code bin}), or {@code null} for every kind
 * @param zone only this zone, or {@code null} for every zone
 * @param since only the sensors whose state, readings, alerts or registration changed after this (the {@code asOf} of
 *     an earlier answer), or {@code null} for all of them
 */
public record SensorFilter(String kind, String zone, Instant since) {

    /** Every sensor of the council. */
    public static SensorFilter all() {
        return new SensorFilter(null, null, null);
    }
}
