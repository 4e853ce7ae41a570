package city.mycity.bench;

/** Which MQTT broker the bench starts when {@code MYCITY_MQTT_URL} names none. */
public enum BrokerChoice {
    /** HiveMQ CE embedded in the bench's JVM, as the demo runs it. */
    EMBEDDED,
    /** A Mosquitto of the bench's own ({@code /usr/sbin/mosquitto}), on a free loopback port. */
    MOSQUITTO
}
