package city.mycity.gateway.brokeraccess;

import city.mycity.gateway.credentials.MosquittoHashes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry's broker accounts held in memory for a broker that asks at every packet (the embedded HiveMQ's
 * extension): {@link #accept} takes the accounts {@link AccessSync} read, and the next CONNECT, PUBLISH, SUBSCRIBE or
 * delivery sees them; a login made with a password since rotated or revoked may do nothing more. Thread-safe: the accounts are swapped whole.
 */
public final class LiveAccess implements Consumer<List<BrokerAccount>> {

    private volatile Map<String, BrokerAccount> accounts = Map.of();

    @Override
    public void accept(List<BrokerAccount> live) {
        accounts = live.stream().collect(Collectors.toUnmodifiableMap(BrokerAccount::identity, Function.identity()));
    }

    /** The credential a password proves (its hash, as a tag), or empty when it is not the account's live one. */
    public Optional<String> authenticate(String username, byte[] password) {
        BrokerAccount account = accounts.get(username);
        return account != null
                        && MosquittoHashes.verify(new String(password, StandardCharsets.UTF_8), account.passwordHash())
                ? Optional.of(account.passwordHash())
                : Optional.empty();
    }

    /** Whether the login (made with the credential still live) may publish on the topic. */
    public boolean mayPublish(String username, String credential, String topic) {
        return allows(username, credential, TopicGrant.Access.WRITE, g -> TopicFilters.matches(g, topic));
    }

    /** Whether the login may subscribe to the filter, or receive a message on the topic. */
    public boolean maySubscribe(String username, String credential, String filter) {
        return allows(username, credential, TopicGrant.Access.READ, g -> TopicFilters.covers(g, filter));
    }

    private boolean allows(
            String username, String credential, TopicGrant.Access access, java.util.function.Predicate<String> fits) {
        BrokerAccount account = accounts.get(username);
        return account != null
                && account.passwordHash().equals(credential)
                && account.grants().stream().anyMatch(g -> g.access() == access && fits.test(g.filter()));
    }
}
