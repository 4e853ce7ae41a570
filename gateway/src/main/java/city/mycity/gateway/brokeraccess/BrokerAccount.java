package city.mycity.gateway.brokeraccess;

import java.util.List;

/**
 * A live MQTT account as a broker needs it.
 *
 * @param identity the username
 * @param passwordHash the password's hash in Mosquitto's format
 * @param grants the topics it may use; none for a device whose gateway is not known
 */
public record BrokerAccount(String identity, String passwordHash, List<TopicGrant> grants) {

    public BrokerAccount {
        grants = List.copyOf(grants);
    }

    @Override
    public String toString() {
        return "BrokerAccount[" + identity + ", *****, " + grants.size() + " grant(s)]";
    }
}
