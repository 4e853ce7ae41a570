package city.mycity.edge;

import java.time.Duration;

/**
 * When a gateway pack is published: once it holds {@code maxReadings} readings, before it would grow past {@code
 * maxBytes} bytes of SenML JSON, or once its oldest reading has waited {@code linger}, whichever comes first.
 */
record PackLimits(int maxReadings, int maxBytes, Duration linger) {

    /** The most records {@code ReadingValidator} accepts in a gateway pack. */
    static final int VALIDATOR_MAX_READINGS = 2048;
    /** The largest gateway pack {@code ReadingValidator} accepts, in bytes. */
    static final int VALIDATOR_MAX_BYTES = 256 * 1024;

    PackLimits {
        Checks.state(
                maxReadings > 0 && maxReadings <= VALIDATOR_MAX_READINGS,
                "Pack max readings must be 1-" + VALIDATOR_MAX_READINGS + ", but was " + maxReadings + ".");
        Checks.state(
                maxBytes >= 1024 && maxBytes <= VALIDATOR_MAX_BYTES,
                "Pack max bytes must be 1024-" + VALIDATOR_MAX_BYTES + ", but was " + maxBytes + ".");
        Checks.positive("Pack linger", linger);
    }
}
