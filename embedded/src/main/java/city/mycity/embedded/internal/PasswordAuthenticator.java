package city.mycity.embedded.internal;

import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lets a client in only with a known user name and its password (compared in constant time). */
final class PasswordAuthenticator implements SimpleAuthenticator {

    private static final Logger LOGGER = LoggerFactory.getLogger(PasswordAuthenticator.class);

    private final Map<String, String> passwords;

    PasswordAuthenticator(Map<String, String> passwords) {
        this.passwords = Map.copyOf(passwords);
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        Optional<String> user = input.getConnectPacket().getUserName();
        Optional<ByteBuffer> password = input.getConnectPacket().getPassword();
        if (user.isPresent() && password.isPresent() && matches(user.get(), password.get())) {
            output.authenticateSuccessfully();
            return;
        }
        LOGGER.debug(
                "Embedded broker refused client {}: user {}",
                input.getClientInformation().getClientId(),
                user.orElse("(none)"));
        output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "Unknown user name or wrong password.");
    }

    private boolean matches(String user, ByteBuffer given) {
        String expected = passwords.get(user);
        if (expected == null) {
            return false;
        }
        byte[] bytes = new byte[given.remaining()];
        given.duplicate().get(bytes);
        return MessageDigest.isEqual(bytes, expected.getBytes(StandardCharsets.UTF_8));
    }
}
