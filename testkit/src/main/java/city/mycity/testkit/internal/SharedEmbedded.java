package city.mycity.testkit.internal;

import city.mycity.embedded.EmbeddedBroker;
import city.mycity.embedded.EmbeddedDatabase;

/**
 * The embedded broker and database that all tests of one JVM share: started on first use, stopped when the JVM
 * exits. Each test gets its own database on the server and its own tenant on the broker, so sharing is safe, and a
 * test run pays the start-up once.
 */
public final class SharedEmbedded {

    private static EmbeddedDatabase database;
    private static EmbeddedBroker broker;

    private SharedEmbedded() {}

    public static synchronized EmbeddedDatabase database() {
        if (database == null) {
            database = EmbeddedDatabase.builder().database("postgres").start();
            EmbeddedDatabase started = database;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "mycity-testkit-database-stop"));
        }
        return database;
    }

    public static synchronized EmbeddedBroker broker() {
        if (broker == null) {
            broker = EmbeddedBroker.builder().start();
            EmbeddedBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "mycity-testkit-broker-stop"));
        }
        return broker;
    }
}
