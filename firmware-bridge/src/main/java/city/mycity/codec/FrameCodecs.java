package city.mycity.codec;

import city.mycity.codec.puck.ParkingPuckCodec;
import city.mycity.codec.trafficcounter.TrafficCounterCodec;
import city.mycity.codec.ultrasonic.UltrasonicBinCodec;
import city.mycity.codec.waterlogger.WaterLoggerCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The vendor codecs a gateway knows, by the name a {@link DeviceProfile} gives. */
public final class FrameCodecs {

    private final Map<String, FrameCodec> byName;

    private FrameCodecs(Map<String, FrameCodec> byName) {
        this.byName = Map.copyOf(byName);
    }

    /** Every codec this module ships: one per sensor kind. */
    public static FrameCodecs defaults() {
        return of(List.of(
                new ParkingPuckCodec(), new UltrasonicBinCodec(), new WaterLoggerCodec(), new TrafficCounterCodec()));
    }

    /**
     * @throws IllegalArgumentException when two codecs have the same name
     */
    public static FrameCodecs of(List<? extends FrameCodec> codecs) {
        Map<String, FrameCodec> byName = new LinkedHashMap<>();
        for (FrameCodec codec : codecs) {
            if (byName.putIfAbsent(codec.name(), codec) != null) {
                throw new IllegalArgumentException("Two codecs are named " + codec.name() + ": names must be unique.");
            }
        }
        return new FrameCodecs(byName);
    }

    public Optional<FrameCodec> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Set<String> names() {
        return byName.keySet();
    }
}
