package city.mycity.stream;

import city.mycity.reading.DeviceAddress;
import city.mycity.reading.DeviceInfo;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.SenmlRecord;
import city.mycity.reading.Uplink;
import city.mycity.reading.UplinkTopic;
import city.mycity.stream.registry.FixedDeviceRegistry;
import java.time.Instant;
import java.util.List;

/** A tiny city for unit tests: three bays of car park cp001 and a street bay in zone z-a1, a bin, a water sensor and a traffic counter. */
public final class TestCity {

    public static final String TENANT = "test-town";
    public static final String GATEWAY = "gw-z-a1";
    public static final String ZONE = "z-a1";
    public static final String CAR_PARK = "cp001";
    public static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");

    public static final List<DeviceInfo> DEVICES = List.of(
            bay("cp001-b0001", CAR_PARK),
            bay("cp001-b0002", CAR_PARK),
            bay("cp001-b0003", CAR_PARK),
            bay("bay-00001", null),
            new DeviceInfo(TENANT, "bin-00001", GATEWAY, "bin", ZONE, null, 50.0, 4.0),
            new DeviceInfo(TENANT, "ws-0001", GATEWAY, "water", ZONE, null, 50.01, 4.02),
            new DeviceInfo(TENANT, "tc-0001", GATEWAY, "traffic-counter", ZONE, null, 50.02, 4.03));

    private TestCity() {}

    public static FixedDeviceRegistry registry() {
        return FixedDeviceRegistry.of(DEVICES);
    }

    private static DeviceInfo bay(String id, String site) {
        return new DeviceInfo(TENANT, id, GATEWAY, "parking-bay", ZONE, site, 50.0, 4.0);
    }

    /** A well-formed uplink of one measurement. */
    public static Uplink uplink(String device, String quantity, double value, String unit, Instant time, long seq) {
        byte[] payload = SenmlCodec.json()
                .encode(SenmlPack.of(
                        TENANT, device, time, seq, List.of(SenmlRecord.measurement(quantity, value, unit))));
        return new Uplink(UplinkTopic.of(new DeviceAddress(TENANT, GATEWAY, device)), payload, time.plusMillis(100));
    }

    public static Uplink occupied(String bay, boolean occupied, Instant time) {
        return uplink(bay, "occupied", occupied ? 1 : 0, "/", time, time.getEpochSecond());
    }
}
