package city.mycity.embedded.internal;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import java.util.Map;

/** A HiveMQ extension, run inside the embedded broker, that requires a user name and password from every client. */
public final class PasswordAuthExtension implements ExtensionMain {

    private final PasswordAuthenticator authenticator;

    private PasswordAuthExtension(Map<String, String> passwords) {
        this.authenticator = new PasswordAuthenticator(passwords);
    }

    /** The extension, ready for {@code EmbeddedHiveMQ.builder().withEmbeddedExtension(...)}. */
    public static EmbeddedExtension of(Map<String, String> passwords) {
        return EmbeddedExtension.builder()
                .withId("mycity-password-auth")
                .withName("MyCity password authentication")
                .withVersion("1")
                .withPriority(1000)
                .withStartPriority(1000)
                .withExtensionMain(new PasswordAuthExtension(passwords))
                .build();
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        // HiveMQ removes the extension's authenticator provider itself.
    }
}
