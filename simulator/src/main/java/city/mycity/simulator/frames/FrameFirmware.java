package city.mycity.simulator.frames;

import city.mycity.citymodel.Sensor;
import city.mycity.codec.DeviceProfile;
import city.mycity.codec.DeviceRef;
import city.mycity.codec.FrameCodec;
import city.mycity.codec.FrameCodecs;
import city.mycity.codec.puck.PuckFrame;
import city.mycity.codec.trafficcounter.CounterFrame;
import city.mycity.codec.ultrasonic.BinFrame;
import city.mycity.codec.ultrasonic.UltrasonicBinCodec;
import city.mycity.codec.waterlogger.WaterFrame;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlPack;
import java.util.ArrayList;
import java.util.List;

/**
 * The firmware of one simulated device that speaks its vendor's frame instead of SenML: it packs what the device
 * measured into the frame of the codec its profile names, with what such a device also sends (a puck's and a bin
 * sensor's battery and temperature, a water logger's noise level, a counter's count per lane), and reads the frame
 * back with that same codec, so that the simulator knows exactly what a gateway will make of it. Not thread-safe.
 */
public final class FrameFirmware {

    private static final FrameCodecs CODECS = FrameCodecs.defaults();
    /** A battery loses one percent of its charge in this many days. */
    static final long DAYS_PER_BATTERY_PERCENT = 15;

    private static final long DAY_MILLIS = 86_400_000L;

    private final String tenant;
    private final Sensor sensor;
    private final DeviceProfile profile;
    private final FrameCodec codec;
    private final int initialBattery;
    private final int lanes;
    private long firstMillis = -1;
    private long lastSecond = Long.MIN_VALUE;

    /**
     * @param seed decides the device's battery charge at the start and a counter's number of lanes
     * @throws IllegalArgumentException when the profile names a codec that does not exist, or one for another kind
     */
    public FrameFirmware(String tenant, Sensor sensor, DeviceProfile profile, long seed) {
        this.codec = CODECS.find(profile.codec())
                .orElseThrow(() -> new IllegalArgumentException("Device " + sensor.id() + "'s profile names codec '"
                        + profile.codec() + "', which does not exist; the codecs are " + CODECS.names()));
        if (codec.kind() != sensor.kind()) {
            throw new IllegalArgumentException(
                    "Device " + sensor.id() + " is a " + sensor.kind().code() + ", but codec " + codec.name()
                            + " reads a " + codec.kind().code());
        }
        this.tenant = tenant;
        this.sensor = sensor;
        this.profile = profile;
        this.initialBattery = 55 + (int) Math.floorMod(seed, 46L);
        this.lanes = 2 + (int) Math.floorMod(seed >>> 8, 3L);
    }

    /**
     * The frame carrying the values the device measured (in the order of its kind's quantities). A frame's time is in
     * whole seconds, and a device sends at most one frame a second, as such firmware debounces: a second measurement
     * within the same second is stamped with the next one, so that no two frames of a device share a time.
     */
    public byte[] frame(long sequence, long timeMillis, double[] values) {
        if (firstMillis < 0) {
            firstMillis = timeMillis;
        }
        long seconds = Math.max(Math.floorDiv(timeMillis, 1000L), lastSecond + 1);
        lastSecond = seconds;
        int wrapped = (int) (sequence & 0xFFFF);
        return switch (sensor.kind()) {
            case PARKING_BAY ->
                PuckFrame.of(values[0] >= 0.5, seconds, wrapped, battery(timeMillis), roadTemperature(timeMillis))
                        .toBytes();
            case BIN ->
                BinFrame.of(seconds, wrapped, distanceMm(values[0]), battery(timeMillis), clampByte(values[1]))
                        .toBytes();
            case WATER ->
                WaterFrame.of(seconds, wrapped, values[0], values[1], noiseDecibels(values[0]))
                        .toBytes();
            case TRAFFIC_COUNTER ->
                CounterFrame.of(seconds, wrapped, speed(values[1]), laneCounts((int) Math.round(values[0])))
                        .toBytes();
            case GATEWAY -> throw new IllegalStateException("A gateway sends no vendor frames");
        };
    }

    /**
     * What a gateway reads from {@code frame}, with the codec of the device's profile.
     *
     * @throws IllegalStateException when the codec refuses it
     */
    public SenmlPack read(byte[] frame) {
        SenmlCodec.Decoded decoded = codec.decode(new DeviceRef(tenant, sensor.id()), profile, frame);
        if (!decoded.isOk()) {
            throw new IllegalStateException(
                    "Codec " + codec.name() + " refused a frame of " + sensor.id() + ": " + decoded.error());
        }
        return decoded.pack();
    }

    /** The charge left: the start's, less a percent every {@value #DAYS_PER_BATTERY_PERCENT} days. */
    private int battery(long timeMillis) {
        long days = Math.max(0, timeMillis - firstMillis) / DAY_MILLIS;
        return (int) Math.max(0, initialBattery - days / DAYS_PER_BATTERY_PERCENT);
    }

    /** Under the tarmac: coolest at 3 in the morning (UTC), warmest at 3 in the afternoon. */
    private static int roadTemperature(long timeMillis) {
        double hour = Math.floorMod(timeMillis, DAY_MILLIS) / 3_600_000.0;
        return (int) Math.round(12 - 6 * Math.cos(2 * Math.PI * (hour - 3) / 24));
    }

    private int distanceMm(double fillPercent) {
        double depth = profile.number(UltrasonicBinCodec.DEPTH).orElseThrow();
        double fill = Math.max(0, Math.min(100, fillPercent));
        return (int) Math.round(depth * (1 - fill / 100));
    }

    /** Water hisses louder the faster it flows. */
    private static int noiseDecibels(double flowLitresPerMinute) {
        return (int) Math.round(25 + 8 * Math.log10(1 + Math.max(0, flowLitresPerMinute)));
    }

    private static int speed(double kmh) {
        return (int) Math.max(0, Math.min(CounterFrame.NO_SPEED - 1, Math.round(kmh)));
    }

    /** The count shared between the lanes, the kerb lane taking any remainder first. */
    private List<Integer> laneCounts(int count) {
        List<Integer> counts = new ArrayList<>(lanes);
        for (int lane = 0; lane < lanes; lane++) {
            counts.add(count / lanes + (lane < count % lanes ? 1 : 0));
        }
        return counts;
    }

    private static int clampByte(double value) {
        return (int) Math.max(Byte.MIN_VALUE, Math.min(Byte.MAX_VALUE, Math.round(value)));
    }
}
