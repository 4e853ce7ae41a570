package city.mycity.reading;

/**
 * The topics of a gateway's control plane, beside its uplinks: {@code mycity/v1/{tenant}/{gateway}/config}, retained,
 * where the platform puts the gateway's configuration, and {@code mycity/v1/{tenant}/{gateway}/config/status}, retained,
 * where the gateway says which configuration it applied or why it refused one.
 */
public final class GatewayTopics {

    public static final String CONFIG = "config";
    public static final String STATUS = "status";
    public static final String REFUSED = "refused";

    private GatewayTopics() {}

    /** Where the gateway's configuration is published (retained). */
    public static String config(String tenant, String gateway) {
        return UplinkTopic.ROOT + "/" + Identifiers.check("tenant", tenant) + "/"
                + Identifiers.check("gateway", gateway) + "/" + CONFIG;
    }

    /**
     * Where the gateway reports what it refused of its sensors ({@code mycity/v1/{tenant}/{gateway}/refused}), so that
     * the platform's refusal store has the edge's refusals too.
     */
    public static String refused(String tenant, String gateway) {
        return UplinkTopic.ROOT + "/" + Identifiers.check("tenant", tenant) + "/"
                + Identifiers.check("gateway", gateway) + "/" + REFUSED;
    }

    /** Where the gateway acknowledges a configuration (retained). */
    public static String configStatus(String tenant, String gateway) {
        return config(tenant, gateway) + "/" + STATUS;
    }
}
