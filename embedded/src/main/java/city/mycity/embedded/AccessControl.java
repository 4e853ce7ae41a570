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
}
