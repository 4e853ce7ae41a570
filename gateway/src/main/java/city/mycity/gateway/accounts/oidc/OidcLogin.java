package city.mycity.gateway.accounts.oidc;

import city.mycity.gateway.accounts.Account;
import city.mycity.gateway.accounts.Accounts;
import city.mycity.gateway.store.Transactions;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Logging in through the council's OpenID Connect provider: the authorization code flow with PKCE (S256), a state and
 * a nonce kept in PostgreSQL for 10 minutes, the ID token checked against the provider's published keys (issuer,
 * audience, expiry, nonce; RS256 or ES256). The person must have an account on the platform, not disabled: the
 * provider says who they are, the account what they may do.
 */
public final class OidcLogin {

    /** Why a login through the provider failed; the message says what to do, never a secret. */
    public static final class OidcException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public OidcException(String message) {
            super(message);
        }
    }

    private static final Duration PENDING = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OidcSettings settings;
    private final DataSource dataSource;
    private final Accounts accounts;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private volatile Provider provider;

    /** The provider's endpoints, from its discovery document. */
    private record Provider(
            String issuer, URI authorization, URI token, URI userinfo, DefaultJWTProcessor<SecurityContext> tokens) {}

    public OidcLogin(OidcSettings settings, DataSource dataSource) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.accounts = new Accounts(dataSource);
    }

    /** Where to send the browser: the provider's authorization endpoint, with a fresh state, nonce and challenge. */
    public URI begin() {
        Provider p = provider();
        String state = random();
        String nonce = random();
        String verifier = random();
        Transactions.run(dataSource, c -> {
            try (PreparedStatement st =
                    c.prepareStatement("DELETE FROM oidc_login WHERE created_at < now() - ?::interval")) {
                st.setString(1, PENDING.toSeconds() + " seconds");
                st.executeUpdate();
            }
            try (PreparedStatement st =
                    c.prepareStatement("INSERT INTO oidc_login (state, nonce, verifier) VALUES (?, ?, ?)")) {
                st.setString(1, state);
                st.setString(2, nonce);
                st.setString(3, verifier);
                return st.executeUpdate();
            }
        });
        Map<String, String> query = new java.util.LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", settings.redirectUri().toString());
        query.put("scope", "openid email");
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        return URI.create(p.authorization() + (p.authorization().getQuery() == null ? "?" : "&") + form(query));
    }

    /**
     * Completes a login the provider answered: the account it names, logged in.
     *
     * @throws OidcException when the state is unknown or old, the provider refuses the code, the ID token does not
     *     check out, or no enabled account has the name it gives
     */
    public Account complete(String state, String code) {
        if (state == null || code == null || state.length() > 100 || code.length() > 2000) {
            throw new OidcException("The provider's answer lacks its state or code.");
        }
        String[] pending = Transactions.run(dataSource, c -> {
            try (PreparedStatement st = c.prepareStatement("DELETE FROM oidc_login WHERE state = ? AND created_at >"
                    + " now() - ?::interval RETURNING nonce, verifier")) {
                st.setString(1, state);
                st.setString(2, PENDING.toSeconds() + " seconds");
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
                }
            }
        });
        if (pending == null) {
            throw new OidcException("This login is unknown or older than 10 minutes: start again.");
        }
        Provider p = provider();
        JsonObject tokens = exchange(p, code, pending[1]);
        String idToken = tokens.getString("id_token");
        JWTClaimsSet claims;
        try {
            DefaultJWTProcessor<SecurityContext> processor = p.tokens();
            synchronized (processor) {
                processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                        settings.clientId(),
                        new JWTClaimsSet.Builder()
                                .issuer(p.issuer())
                                .claim("nonce", pending[0])
                                .build(),
                        Set.of("sub", "exp", "iat")));
                claims = processor.process(idToken, null);
            }
        } catch (Exception e) {
            throw new OidcException("The provider's ID token does not check out: " + e.getMessage());
        }
        Object username = claims.getClaim(settings.usernameClaim());
        if (username == null && p.userinfo() != null && tokens.getString("access_token") != null) {
            // A provider may keep the ID token to "sub" and give the rest at its userinfo endpoint.
            JsonObject info = userinfo(p, tokens.getString("access_token"));
            if (!claims.getSubject().equals(info.getString("sub"))) {
                throw new OidcException("The provider's userinfo is of another subject than its ID token.");
            }
            username = info.getValue(settings.usernameClaim());
        }
        if (!(username instanceof String name)) {
            throw new OidcException("The ID token has no " + settings.usernameClaim() + " claim.");
        }
        return accounts.byUsername(name)
                .filter(a -> a.disabledAt() == null)
                .orElseThrow(() -> new OidcException("No account on the platform is named " + name
                        + ": ask the council's administrator to create it."));
    }

    private JsonObject exchange(Provider p, String code, String verifier) {
        String body = form(Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "redirect_uri",
                settings.redirectUri().toString(),
                "code_verifier",
                verifier));
        String basic = Base64.getEncoder()
                .encodeToString((encode(settings.clientId()) + ":" + encode(settings.clientSecret()))
                        .getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(p.token())
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Authorization", "Basic " + basic)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new OidcException("The provider refused the code (" + answer.statusCode() + ").");
            }
            JsonObject tokens = new JsonObject(answer.body());
            if (tokens.getString("id_token") == null) {
                throw new OidcException("The provider's answer has no ID token.");
            }
            return tokens;
        } catch (IOException e) {
            throw new OidcException("The provider cannot be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OidcException("Interrupted while asking the provider.");
        }
    }

    private JsonObject userinfo(Provider p, String accessToken) {
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(p.userinfo())
                            .timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Bearer " + accessToken)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new OidcException("The provider's userinfo answered " + answer.statusCode() + ".");
            }
            return new JsonObject(answer.body());
        } catch (IOException e) {
            throw new OidcException("The provider cannot be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OidcException("Interrupted while asking the provider.");
        }
    }

    /** The provider's discovery document, read once (again after a failure). */
    private Provider provider() {
        Provider p = provider;
        if (p != null) {
            return p;
        }
        URI discovery =
                URI.create(settings.issuer().toString().replaceAll("/$", "") + "/.well-known/openid-configuration");
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(discovery)
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new OidcException("The provider's discovery document answered " + answer.statusCode() + ".");
            }
            JsonObject document = new JsonObject(answer.body());
            String issuer = document.getString("issuer");
            if (!settings.issuer().toString().replaceAll("/$", "").equals(issuer.replaceAll("/$", ""))) {
                throw new OidcException("The provider names itself " + issuer + ", not " + settings.issuer() + ".");
            }
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(
                            URI.create(document.getString("jwks_uri")).toURL())
                    .build();
            DefaultJWTProcessor<SecurityContext> tokens = new DefaultJWTProcessor<>();
            tokens.setJWSKeySelector(
                    new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys));
            p = new Provider(
                    issuer,
                    URI.create(document.getString("authorization_endpoint")),
                    URI.create(document.getString("token_endpoint")),
                    document.getString("userinfo_endpoint") == null
                            ? null
                            : URI.create(document.getString("userinfo_endpoint")),
                    tokens);
            provider = p;
            return p;
        } catch (IOException e) {
            throw new OidcException("The provider cannot be reached at " + discovery + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OidcException("Interrupted while asking the provider.");
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
