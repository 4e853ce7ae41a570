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

    @Override
    public boolean authenticate(String username, byte[] password) {
        String own = users.get(username);
        if (own != null) {
            return MessageDigest.isEqual(own.getBytes(StandardCharsets.UTF_8), password);
        }
        return others.authenticate(username, password);
    }

    @Override
    public boolean mayPublish(String username, String topic) {
        return users.containsKey(username) || others.mayPublish(username, topic);
    }

    @Override
    public boolean maySubscribe(String username, String filter) {
        return users.containsKey(username) || others.maySubscribe(username, filter);
    }
}
