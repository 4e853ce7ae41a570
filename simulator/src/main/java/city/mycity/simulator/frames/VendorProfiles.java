package city.mycity.simulator.frames;

import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.Sensor;
import city.mycity.codec.DeviceProfile;
import city.mycity.codec.DeviceProfiles;
import city.mycity.codec.puck.ParkingPuckCodec;
import city.mycity.codec.trafficcounter.TrafficCounterCodec;
import city.mycity.codec.ultrasonic.UltrasonicBinCodec;
import city.mycity.codec.waterlogger.WaterLoggerCodec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The device profiles of a simulated city whose sensors speak their vendors' frames: a parking puck in every bay, an
 * ultrasonic sensor under every bin's lid (with the bin's depth), a logger on every water main and a counter on every
 * road. A gateway needs them to read the frames; the simulator's devices write frames that these profiles read.
 */
public final class VendorProfiles {

    /** The shallowest bin of a city, in millimetres from the sensor to the bin's floor. */
    static final int SHALLOWEST_BIN_MM = 800;
    /** Bins come in depths this far apart, from the shallowest. */
    static final int BIN_DEPTH_STEP_MM = 50;
    /** The number of bin depths. */
    static final int BIN_DEPTHS = 13;

    private VendorProfiles() {}

    /** A profile for every field sensor of the city. */
    public static DeviceProfiles of(CityModel city) {
        Map<String, DeviceProfile> byDevice = new LinkedHashMap<>();
        for (Sensor sensor : city.sensors()) {
            byDevice.put(sensor.id(), of(sensor));
        }
        return DeviceProfiles.of(byDevice);
    }

    /** The profile of one field sensor: the codec of its kind, and a bin's depth (the same for the same id). */
    public static DeviceProfile of(Sensor sensor) {
        return switch (sensor.kind()) {
            case PARKING_BAY -> DeviceProfile.of(ParkingPuckCodec.NAME);
            case BIN ->
                new DeviceProfile(
                        UltrasonicBinCodec.NAME,
                        Map.of(UltrasonicBinCodec.DEPTH, Integer.toString(binDepthMm(sensor.id()))));
            case WATER -> DeviceProfile.of(WaterLoggerCodec.NAME);
            case TRAFFIC_COUNTER -> DeviceProfile.of(TrafficCounterCodec.NAME);
            case GATEWAY -> throw new IllegalArgumentException("A gateway sends no vendor frames: " + sensor.id());
        };
    }

    /** A bin's depth, one of the city's standard depths, picked by its id. */
    static int binDepthMm(String id) {
        return SHALLOWEST_BIN_MM + BIN_DEPTH_STEP_MM * Math.floorMod(id.hashCode(), BIN_DEPTHS);
    }
}
