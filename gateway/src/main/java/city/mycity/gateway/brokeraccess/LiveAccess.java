package city.mycity.gateway.brokeraccess;

import city.mycity.gateway.credentials.MosquittoHashes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry's broker accounts held in memory for a broker that asks at every packet (the embedded HiveMQ's
 * extension): {@link #accept} takes the accounts {@link AccessSync} read, and the next CONNECT, PUBLISH or SUBSCRIBE
 * sees them. Thread-safe: the accounts are swapped whole.
 */
public final class LiveAccess implements Consumer<List<BrokerAccount>> {

    private volatile Map<String, BrokerAccount> accounts = Map.of();

    @Override
    public void accept(List<BrokerAccount> live) {
        accounts = live.stream().collect(Collectors.toUnmodifiableMap(BrokerAccount::identity, Function.identity()));
    }

    public boolean authenticate(String username, byte[] password) {
        BrokerAccount account = accounts.get(username);
        return account != null
                && MosquittoHashes.verify(new String(password, StandardCharsets.UTF_8), account.passwordHash());
    }

    public boolean mayPublish(String username, String topic) {
        return allows(username, TopicGrant.Access.WRITE, g -> TopicFilters.matches(g, topic));
    }

    public boolean maySubscribe(String username, String filter) {
        return allows(username, TopicGrant.Access.READ, g -> TopicFilters.covers(g, filter));
    }

    private boolean allows(String username, TopicGrant.Access access, java.util.function.Predicate<String> fits) {
        BrokerAccount account = accounts.get(username);
        return account != null
                && account.grants().stream().anyMatch(g -> g.access() == access && fits.test(g.filter()));
    }
}
