package city.mycity.embedded.internal;

import city.mycity.embedded.AccessControl;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/** The broker's own users (every topic) first, then the access control for everyone else. */
public final class UsersFirst implements AccessControl {

    private final Map<String, String> users;
    private final AccessControl others;

    public UsersFirst(Map<String, String> users, AccessControl others) {
        this.users = Map.copyOf(users);
        this.others = others;
    }

    /** The tag of the broker's own users' logins. */
    private static final String OWN = "own-user";

    @Override
    public java.util.Optional<String> authenticate(String username, byte[] password) {
        String own = users.get(username);
        if (own != null) {
            return MessageDigest.isEqual(own.getBytes(StandardCharsets.UTF_8), password)
                    ? java.util.Optional.of(OWN)
                    : java.util.Optional.empty();
        }
        return others.authenticate(username, password);
    }

    @Override
    public boolean mayPublish(String username, String credential, String topic) {
        return isOwn(username, credential) || others.mayPublish(username, credential, topic);
    }

    @Override
    public boolean maySubscribe(String username, String credential, String filter) {
        return isOwn(username, credential) || others.maySubscribe(username, credential, filter);
    }

    private boolean isOwn(String username, String credential) {
        return OWN.equals(credential) && users.containsKey(username);
    }
}
