package city.mycity.reading;

import java.time.Instant;

/**
 * One accepted measurement: who measured what, when, and how much. Readings are stored once per tenant, device,
 * quantity and device time: that key makes every stage safe to repeat.
 *
 * @param sequence the device's sequence number, or -1 when the device sends none
 * @param receivedAt when the platform received the message that carried the reading
 */
public record Reading(
        String tenant,
        String gateway,
        String device,
        SensorKind kind,
        String quantity,
        double value,
        String unit,
        Instant time,
        long sequence,
        Instant receivedAt) {}
