package city.mycity.embedded.internal;

import city.mycity.embedded.AccessControl;
import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.client.parameter.ConnectionInformation;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishOutboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishOutboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishOutboundOutput;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A HiveMQ extension, run inside the embedded broker, that asks an {@link AccessControl} who may connect, publish and
 * subscribe, and again at every delivery (a subscription of an account revoked since receives nothing more). It keeps the account each connection logged in with in the connection's own attributes, as HiveMQ's
 * authorizers see only the connection.
 */
public final class AccessControlExtension implements ExtensionMain {

    private static final Logger LOGGER = LoggerFactory.getLogger(AccessControlExtension.class);
    private static final String SHARED = "$share/";
    private static final String USERNAME = "mycity.username";
    private static final String CREDENTIAL = "mycity.credential";

    private final AccessControl control;

    private AccessControlExtension(AccessControl control) {
        this.control = control;
    }

    /** The extension, ready for {@code EmbeddedHiveMQ.builder().withEmbeddedExtension(...)}. */
    public static EmbeddedExtension of(AccessControl control) {
        return EmbeddedExtension.builder()
                .withId("mycity-access-control")
                .withName("MyCity access control")
                .withVersion("1")
                .withPriority(1000)
                .withStartPriority(1000)
                .withExtensionMain(new AccessControlExtension(control))
                .build();
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        Services.securityRegistry().setAuthenticatorProvider(i -> (SimpleAuthenticator) this::connect);
        Services.securityRegistry().setAuthorizerProvider(i -> new Authorizer());
        // Every delivery is checked again, as Mosquitto does: a revoked account's subscriptions receive nothing more.
        PublishOutboundInterceptor deliveries = this::deliver;
        Services.initializerRegistry()
                .setClientInitializer((client, context) -> context.addPublishOutboundInterceptor(deliveries));
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        // HiveMQ removes the extension's providers itself.
    }

    private void connect(SimpleAuthInput input, SimpleAuthOutput output) {
        String client = input.getClientInformation().getClientId();
        String user = input.getConnectPacket().getUserName().orElse(null);
        byte[] password = input.getConnectPacket()
                .getPassword()
                .map(AccessControlExtension::bytes)
                .orElse(null);
        java.util.Optional<String> credential =
                user == null || password == null ? java.util.Optional.empty() : control.authenticate(user, password);
        if (credential.isPresent()) {
            var attributes = input.getConnectionInformation().getConnectionAttributeStore();
            attributes.putAsString(USERNAME, user);
            attributes.putAsString(CREDENTIAL, credential.get());
            output.authenticateSuccessfully();
            return;
        }
        LOGGER.debug("Embedded broker refused client {}: user {}", client, user == null ? "(none)" : user);
        output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "Unknown user name or wrong password.");
    }

    private void deliver(PublishOutboundInput input, PublishOutboundOutput output) {
        String user = username(input.getConnectionInformation());
        String topic = input.getPublishPacket().getTopic();
        if (user == null || !control.maySubscribe(user, credential(input.getConnectionInformation()), topic)) {
            LOGGER.debug("Embedded broker held back {} from {}", topic, user);
            output.preventPublishDelivery();
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private final class Authorizer implements PublishAuthorizer, SubscriptionAuthorizer {

        @Override
        public void authorizePublish(PublishAuthorizerInput input, PublishAuthorizerOutput output) {
            String user = username(input.getConnectionInformation());
            String topic = input.getPublishPacket().getTopic();
            if (user != null && control.mayPublish(user, credential(input.getConnectionInformation()), topic)) {
                output.authorizeSuccessfully();
            } else {
                LOGGER.debug("Embedded broker refused a publish of {} on {}", user, topic);
                output.failAuthorization(AckReasonCode.NOT_AUTHORIZED, "Not your topic: " + topic);
            }
        }

        @Override
        public void authorizeSubscribe(SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
            String user = username(input.getConnectionInformation());
            String filter = input.getSubscription().getTopicFilter();
            if (filter.startsWith(SHARED) && filter.indexOf('/', SHARED.length()) > 0) {
                filter = filter.substring(filter.indexOf('/', SHARED.length()) + 1);
            }
            if (user != null && control.maySubscribe(user, credential(input.getConnectionInformation()), filter)) {
                output.authorizeSuccessfully();
            } else {
                LOGGER.debug("Embedded broker refused a subscription of {} to {}", user, filter);
                output.failAuthorization(SubackReasonCode.NOT_AUTHORIZED, "Not your topics: " + filter);
            }
        }
    }

    private static String credential(ConnectionInformation connection) {
        return connection.getConnectionAttributeStore().getAsString(CREDENTIAL).orElse(null);
    }

    private static String username(ConnectionInformation connection) {
        return connection.getConnectionAttributeStore().getAsString(USERNAME).orElse(null);
    }
}
