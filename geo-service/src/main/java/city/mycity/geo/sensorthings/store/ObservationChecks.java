package city.mycity.geo.sensorthings.store;

import city.mycity.reading.RefusalReason;
import city.mycity.storage.RefusalWriter;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an Observation posted through SensorThings must be, as every reading must (see {@code ReadingValidator}): a
 * result of its Datastream's type (a number for a measurement, a whole number for a count), and a time no later than
 * the allowed skew after now. A refused Observation is answered 400 with the reason, and recorded in the refusal store
 * with the reasons every other reading is refused for, so that operators see it beside the others.
 */
public final class ObservationChecks {

    private static final Logger LOGGER = LoggerFactory.getLogger(ObservationChecks.class);
    private static final String MEASUREMENT = "OM_Measurement";
    private static final String COUNT = "OM_CountObservation";

    private final RefusalWriter refusals;
    private final Duration maxFutureSkew;

    /**
     * @param refusals where refusals are recorded, or null to answer them only
     * @param maxFutureSkew how far after now a phenomenon time may be (a sensor's clock runs a little fast)
     */
    public ObservationChecks(RefusalWriter refusals, Duration maxFutureSkew) {
        this.refusals = refusals;
        this.maxFutureSkew = maxFutureSkew;
    }

    /** The Datastream an Observation is posted to, as the checks need it. */
    public record Stream(
            String tenant, long datastream, String device, long thing, String observationType, String unit) {}

    void check(Stream stream, JsonObject observation) {
        Object result = observation.getValue("result");
        String type = stream.observationType() == null ? "" : stream.observationType();
        if (result == null) {
            refuse(stream, observation, RefusalReason.MISSING_VALUE, "The Observation has no result.");
        }
        if (type.endsWith(MEASUREMENT) || type.endsWith(COUNT)) {
            if (!(result instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                refuse(
                        stream,
                        observation,
                        RefusalReason.WRONG_TYPE,
                        "Datastream " + stream.datastream() + " holds " + type.substring(type.lastIndexOf('/') + 1)
                                + "s: its result must be a number.");
            }
            if (type.endsWith(COUNT) && ((Number) result).doubleValue() != Math.rint(((Number) result).doubleValue())) {
                refuse(
                        stream,
                        observation,
                        RefusalReason.VALUE_OUT_OF_RANGE,
                        "Datastream " + stream.datastream() + " holds counts: its result must be a whole number.");
            }
        }
        if (!(observation.getValue("phenomenonTime") instanceof String phenomenon)) {
            throw EntityRejected.bad("Observation.phenomenonTime must be a time or an interval start/end, e.g."
                    + " 2015-03-01T00:00:00Z.");
        }
        String start = phenomenon.contains("/") ? phenomenon.substring(0, phenomenon.indexOf('/')) : phenomenon;
        OffsetDateTime time = Bodies.time("Observation.phenomenonTime", start);
        if (time.isAfter(OffsetDateTime.now().plus(maxFutureSkew))) {
            refuse(
                    stream,
                    observation,
                    RefusalReason.TIME_IN_FUTURE,
                    "The phenomenonTime " + phenomenon + " is more than " + maxFutureSkew.toSeconds()
                            + " s in the future.");
        }
    }

    private void refuse(Stream stream, JsonObject observation, RefusalReason reason, String detail) {
        if (refusals != null) {
            try {
                refusals.record(
                        stream.tenant(),
                        null,
                        "sta/Datastreams(" + stream.datastream() + ")/Observations",
                        observation.encode().getBytes(StandardCharsets.UTF_8),
                        reason.code(),
                        detail);
            } catch (SQLException e) {
                LOGGER.warn(
                        "Could not record a refused Observation of Datastream {}: {}",
                        stream.datastream(),
                        e.getMessage());
            }
        }
        throw new EntityRejected(400, reason.code().toLowerCase(Locale.ROOT), detail);
    }
}
