package city.mycity.launcher;

import city.mycity.embedded.AccessControl;
import city.mycity.gateway.brokeraccess.AccessSync;
import city.mycity.gateway.brokeraccess.BrokerAccess;
import city.mycity.gateway.brokeraccess.LiveAccess;
import city.mycity.gateway.credentials.CredentialKind;
import city.mycity.gateway.credentials.Credentials;
import city.mycity.gateway.credentials.IssuedCredential;
import city.mycity.gateway.credentials.Subject;
import javax.sql.DataSource;

/**
 * The demo's broker accounts, from the registry: a fresh credential of the ingest service (the stream jobs), of
 * the bridge service (the demo's one edge agent) and of direct ingress, and the registry's live accounts kept in step for the embedded
 * broker's access control.
 */
record DemoBrokerAccounts(IssuedCredential ingest, IssuedCredential bridge, IssuedCredential direct, LiveAccess live) {

    static DemoBrokerAccounts issue(DataSource registry, Shutdown shutdown) {
        Credentials credentials = new Credentials(registry);
        IssuedCredential ingest =
                credentials.issue("mycity demo", Subject.service(BrokerAccess.INGEST), CredentialKind.MQTT_PASSWORD);
        IssuedCredential bridge =
                credentials.issue("mycity demo", Subject.service(BrokerAccess.BRIDGE), CredentialKind.MQTT_PASSWORD);
        IssuedCredential direct =
                credentials.issue("mycity demo", Subject.service(BrokerAccess.DIRECT), CredentialKind.MQTT_PASSWORD);
        LiveAccess live = new LiveAccess();
        shutdown.add("broker access", AccessSync.start(registry, AccessSync.DEFAULT_INTERVAL, live));
        return new DemoBrokerAccounts(ingest, bridge, direct, live);
    }

    @Override
    public String toString() {
        return "DemoBrokerAccounts[" + ingest + ", " + bridge + ", " + direct + "]";
    }

    /** The embedded broker's view of {@link #live()}. */
    AccessControl accessControl() {
        return AccessControl.of(live::authenticate, live::mayPublish, live::maySubscribe);
    }
}
