package city.mycity.gateway.operations;

import java.time.Instant;
import java.util.List;

/**
 * The sensors of one answer.
 *
 * @param asOf the store's time of the answer: the {@code since} of the next poll
 * @param sensors the sensors, by id
 * @param removed with {@code since}: the sensors whose registration changed so that they are no longer shown (retired,
 *     planned again, moved out of the zone asked for), to be taken off the map; otherwise empty
 */
public record SensorSnapshot(Instant asOf, List<SensorMark> sensors, List<String> removed) {}
