package city.mycity.embedded;

import java.util.Optional;

/**
 * Who may connect to the embedded broker and which topics each account may use, asked at every CONNECT, PUBLISH,
 * SUBSCRIBE and delivery: an answer that changes (a credential rotated or revoked) takes effect at the client's next
 * packet, without a restart. A login is its username and the credential it proved: a connection made with a password
 * since replaced may do nothing more. Implementations must be fast and thread-safe (they run on the broker's threads).
 */
public interface AccessControl {

    /** A check of a login (username and credential) against a topic or filter. */
    @FunctionalInterface
    interface Check {
        boolean test(String username, String credential, String topic);
    }

    /** A check of a password. */
    @FunctionalInterface
    interface Login {
        Optional<String> credential(String username, byte[] password);
    }

    /** The credential this password proves (a tag the other checks are given), or empty when it is not a live one. */
    Optional<String> authenticate(String username, byte[] password);

    /** Whether the login may publish on this topic. */
    boolean mayPublish(String username, String credential, String topic);

    /**
     * Whether the login may subscribe to this filter ({@code $share/group/} already taken off), and, asked with a
     * topic, whether it may still receive a message on it.
     */
    boolean maySubscribe(String username, String credential, String filter);

    /** An access control of its three checks, e.g. {@code AccessControl.of(live::authenticate, ...)}. */
    static AccessControl of(Login authenticate, Check mayPublish, Check maySubscribe) {
        return new AccessControl() {
            @Override
            public Optional<String> authenticate(String username, byte[] password) {
                return authenticate.credential(username, password);
            }

            @Override
            public boolean mayPublish(String username, String credential, String topic) {
                return mayPublish.test(username, credential, topic);
            }

            @Override
            public boolean maySubscribe(String username, String credential, String filter) {
                return maySubscribe.test(username, credential, filter);
            }
        };
    }
}
