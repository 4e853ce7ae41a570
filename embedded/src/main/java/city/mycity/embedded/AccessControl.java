package city.mycity.embedded;

/**
 * Who may connect to the embedded broker and which topics each account may use, asked at every CONNECT, PUBLISH and
 * SUBSCRIBE: an answer that changes (a revoked credential) takes effect at the client's next packet, without a
 * restart. Implementations must be fast and thread-safe (they run on the broker's threads).
 */
public interface AccessControl {

    /** Whether the password is the live one of this username. */
    boolean authenticate(String username, byte[] password);

    /** Whether the account may publish on this topic. */
    boolean mayPublish(String username, String topic);

    /** Whether the account may subscribe to this filter ({@code $share/group/} already taken off). */
    boolean maySubscribe(String username, String filter);

    /** An access control of three checks, e.g. {@code AccessControl.of(live::authenticate, live::mayPublish, ...)}. */
    static AccessControl of(
            java.util.function.BiPredicate<String, byte[]> authenticate,
            java.util.function.BiPredicate<String, String> mayPublish,
            java.util.function.BiPredicate<String, String> maySubscribe) {
        return new AccessControl() {
            @Override
            public boolean authenticate(String username, byte[] password) {
                return authenticate.test(username, password);
            }

            @Override
            public boolean mayPublish(String username, String topic) {
                return mayPublish.test(username, topic);
            }

            @Override
            public boolean maySubscribe(String username, String filter) {
                return maySubscribe.test(username, filter);
            }
        };
    }
}
