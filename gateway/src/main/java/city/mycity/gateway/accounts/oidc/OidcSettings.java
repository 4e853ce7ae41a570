package city.mycity.gateway.accounts.oidc;

import city.mycity.settings.Setting;
import city.mycity.settings.Settings;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A council's OpenID Connect provider, for operators who log in with their council's accounts: unset issuer, no OIDC
 * login. Only people who have an account on the platform may log in this way; the claim named by {@code
 * usernameClaim} (by default {@code email}) is their username, and their council and role are the account's.
 */
public record OidcSettings(URI issuer, String clientId, String clientSecret, URI redirectUri, String usernameClaim) {

    public static final Setting<String> ISSUER = Setting.string(
            "mycity.oidc.issuer", "the OpenID Connect provider's issuer URL; unset: no OIDC login", null);
    public static final Setting<String> CLIENT_ID =
            Setting.string("mycity.oidc.client-id", "the platform's client id at the provider", null);
    public static final Setting<String> CLIENT_SECRET =
            Setting.secret("mycity.oidc.client-secret", "the platform's client secret at the provider");
    public static final Setting<String> REDIRECT_URI = Setting.string(
            "mycity.oidc.redirect-uri",
            "where the provider sends the browser back: https://HOST/api/v1/session/oidc/callback",
            null);
    public static final Setting<String> USERNAME_CLAIM = Setting.string(
            "mycity.oidc.username-claim", "the ID token's claim that is the account's username", "email");

    public static final List<Setting<?>> ALL = List.of(ISSUER, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, USERNAME_CLAIM);

    public OidcSettings {
        Objects.requireNonNull(issuer, "OIDC issuer must not be null.");
        Objects.requireNonNull(clientId, "OIDC client id must not be null (" + CLIENT_ID.key() + ").");
        Objects.requireNonNull(clientSecret, "OIDC client secret must not be null (" + CLIENT_SECRET.key() + ").");
        Objects.requireNonNull(redirectUri, "OIDC redirect URI must not be null (" + REDIRECT_URI.key() + ").");
    }

    /** The settings when an issuer is set. */
    public static Optional<OidcSettings> from(Settings settings) {
        return settings.find(ISSUER)
                .map(issuer -> new OidcSettings(
                        URI.create(issuer),
                        settings.find(CLIENT_ID).orElse(null),
                        settings.find(CLIENT_SECRET).orElse(null),
                        settings.find(REDIRECT_URI).map(URI::create).orElse(null),
                        settings.get(USERNAME_CLAIM)));
    }

    @Override
    public String toString() {
        return "OidcSettings[" + issuer + ", client " + clientId + ", *****, " + redirectUri + ", " + usernameClaim
                + "]";
    }
}
