package city.mycity.gateway.operations;

import java.time.Instant;

/**
 * What the store knows of a sensor's health, from which its {@link SensorState} follows.
 *
 * @param lastSeen when the platform last stored a new reading of the sensor (its own readings: not the {@code
 *     seen-ago} its gateway reports of it), or {@code null} if never
 * @param battery its latest battery reading in percent, or {@code null}
 * @param alerts how many unresolved alerts it has, of every problem
 * @param offlineAlert whether one of them is the stream's {@code offline}
 * @param batteryAlert whether one of them is the stream's {@code battery-low}
 * @param registeredAt when it was registered, or {@code null} if not known: a sensor never heard from is offline only
 *     once it has been registered for longer than the offline threshold
 */
public record SensorFacts(
        Instant lastSeen,
        Double battery,
        int alerts,
        boolean offlineAlert,
        boolean batteryAlert,
        Instant registeredAt) {

    /** What the store knows of a sensor whose registration time does not matter (it has been heard from). */
    public SensorFacts(Instant lastSeen, Double battery, int alerts, boolean offlineAlert, boolean batteryAlert) {
        this(lastSeen, battery, alerts, offlineAlert, batteryAlert, null);
    }

    /** How many of its unresolved alerts are of another problem than offline and battery-low. */
    public int otherAlerts() {
        return alerts - (offlineAlert ? 1 : 0) - (batteryAlert ? 1 : 0);
    }
}
