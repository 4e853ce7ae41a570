package city.mycity.simulator;

import city.mycity.citymodel.CarPark;
import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.Sensor;
import city.mycity.codec.DeviceProfiles;
import city.mycity.simulator.bins.BinSensor;
import city.mycity.simulator.bins.CollectionRound;
import city.mycity.simulator.device.SimulatedDevice;
import city.mycity.simulator.fault.FaultChannel;
import city.mycity.simulator.fault.FaultProfile;
import city.mycity.simulator.frames.FrameFirmware;
import city.mycity.simulator.incident.DeviceIncident;
import city.mycity.simulator.parking.BaySensor;
import city.mycity.simulator.parking.CarParkProfile;
import city.mycity.simulator.parking.OccupancyTarget;
import city.mycity.simulator.parking.StreetParkingProfile;
import city.mycity.simulator.traffic.TrafficCounter;
import city.mycity.simulator.water.WaterIncident;
import city.mycity.simulator.water.WaterSensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A simulated device and its fault channel for every sensor of a city, in the city's order. Every device draws from
 * a seed derived from the simulation seed and its own id, so that its pattern does not depend on the other sensors,
 * and its faults from another, so that a different fault profile does not change the patterns.
 */
final class Fleet {

    record Member(int index, SimulatedDevice device, FaultChannel channel) {}

    private Fleet() {}

    /**
     * @param frames the profiles of the devices that speak their vendors' frames; the others send SenML JSON
     */
    static List<Member> of(
            CityModel city,
            long seed,
            FaultProfile faults,
            DeviceProfiles frames,
            List<WaterIncident> incidents,
            List<DeviceIncident> deviceIncidents) {
        Map<String, OccupancyTarget> carParks = new HashMap<>();
        for (CarPark carPark : city.carParks()) {
            carParks.put(carPark.id(), CarParkProfile.random(new SplittableRandom(seedOf(seed, carPark.id()))));
        }
        Set<String> ids = new HashSet<>();
        city.sensors().forEach(s -> ids.add(s.id()));
        List<Member> members = new ArrayList<>(city.sensors().size());
        for (Sensor sensor : city.sensors()) {
            long deviceSeed = seedOf(seed, sensor.id());
            FrameFirmware firmware = frames.of(sensor.id())
                    .map(profile -> new FrameFirmware(city.tenant(), sensor, profile, mix(deviceSeed + 3)))
                    .orElse(null);
            FaultChannel channel = new FaultChannel(
                    city.tenant(), sensor, ghostId(sensor.id(), ids), faults, mix(deviceSeed + 1), firmware);
            SimulatedDevice device = device(sensor, deviceSeed, carParks, incidents);
            device.incidents(deviceIncidents);
            members.add(new Member(members.size(), device, channel));
        }
        return members;
    }

    private static SimulatedDevice device(
            Sensor sensor, long seed, Map<String, OccupancyTarget> carParks, List<WaterIncident> incidents) {
        return switch (sensor.kind()) {
            case PARKING_BAY -> {
                OccupancyTarget carPark = sensor.site() == null ? null : carParks.get(sensor.site());
                yield carPark == null
                        ? new BaySensor(sensor, seed, StreetParkingProfile.INSTANCE, BaySensor.STREET_TURNOVER)
                        : new BaySensor(sensor, seed, carPark, BaySensor.CAR_PARK_TURNOVER);
            }
            case TRAFFIC_COUNTER -> new TrafficCounter(sensor, seed);
            case BIN ->
                new BinSensor(sensor, seed, CollectionRound.at(new SplittableRandom(mix(seed + 2)).nextDouble()));
            case WATER -> new WaterSensor(sensor, seed, incidents);
            case GATEWAY ->
                throw new IllegalArgumentException("A gateway is not a field sensor to simulate: " + sensor.id());
        };
    }

    /** An id no sensor of the city has, for messages from an unknown device. */
    static String ghostId(String id, Set<String> taken) {
        for (int attempt = 0; ; attempt++) {
            String ghost = (attempt == 0 ? "ghost-" : "ghost" + attempt + "-") + id;
            ghost = ghost.length() > 64 ? ghost.substring(0, 64) : ghost;
            if (!taken.contains(ghost)) {
                return ghost;
            }
        }
    }

    static long seedOf(long seed, String id) {
        long h = mix(seed);
        for (int i = 0; i < id.length(); i++) {
            h = h * 31 + id.charAt(i);
        }
        return mix(h);
    }

    /** SplitMix64's finaliser: spreads nearby numbers over the whole range. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
