package city.mycity.stream.parking;

import city.mycity.reading.DeviceInfo;
import city.mycity.reading.SensorKind;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** What an occupancy counts over: a car park (the bays of one site) or a zone (street and car-park bays). */
public enum Scope {
    CAR_PARK {
        @Override
        String idOf(String zone, String site) {
            return site;
        }
    },
    ZONE {
        @Override
        String idOf(String zone, String site) {
            return zone;
        }
    };

    /** The scope's id for a bay, or {@code null} when the bay is not in a scope of this kind (a street bay). */
    abstract String idOf(String zone, String site);

    public String idOf(BayUpdate update) {
        return idOf(update.zone(), update.site());
    }

    /** The key a keyed stream groups a bay's updates by: tenant and scope id. */
    public String keyOf(BayUpdate update) {
        return key(update.tenant(), idOf(update));
    }

    /** The number of registered parking bays per key. */
    public Map<String, Integer> bayCounts(Collection<DeviceInfo> devices) {
        Map<String, Integer> counts = new HashMap<>();
        for (DeviceInfo device : devices) {
            String id = idOf(device.zone(), device.site());
            if (SensorKind.PARKING_BAY.code().equals(device.kind()) && id != null) {
                counts.merge(key(device.tenant(), id), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static String key(String tenant, String id) {
        return tenant + "/" + id;
    }
}
