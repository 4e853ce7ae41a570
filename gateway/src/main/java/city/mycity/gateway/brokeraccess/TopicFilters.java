package city.mycity.gateway.brokeraccess;

/** MQTT topic filters ({@code +} one level, {@code #} the rest) as access rules read them. */
public final class TopicFilters {

    private TopicFilters() {}

    /** Whether a topic (no wildcards) is one the filter matches. */
    public static boolean matches(String filter, String topic) {
        if (topic.isEmpty() || topic.contains("+") || topic.contains("#") || topic.startsWith("$")) {
            return false;
        }
        return covers(filter, topic);
    }

    /**
     * Whether every topic the subscription filter can match is matched by the grant's filter, so that a subscription
     * never reaches further than the grant: {@code a/+/c} covers {@code a/b/c} and {@code a/+/c}, not {@code a/#}.
     */
    public static boolean covers(String grant, String subscription) {
        String[] g = grant.split("/", -1);
        String[] s = subscription.split("/", -1);
        for (int i = 0; i < g.length; i++) {
            if (g[i].equals("#")) {
                return true;
            }
            if (i >= s.length) {
                return false;
            }
            if (s[i].equals("#")) {
                return false;
            }
            if (!g[i].equals("+") && !g[i].equals(s[i])) {
                return false;
            }
        }
        return g.length == s.length;
    }
}
