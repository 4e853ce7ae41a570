package city.mycity.gateway.accounts.http;

import city.mycity.gateway.accounts.Accounts;
import city.mycity.gateway.accounts.LoginOutcome;
import city.mycity.gateway.accounts.Principal;
import city.mycity.gateway.accounts.Role;
import city.mycity.gateway.accounts.Sessions;
import city.mycity.gateway.accounts.oidc.OidcLogin;
import city.mycity.gateway.http.Authentication;
import city.mycity.gateway.http.JsonBodies;
import city.mycity.gateway.http.Replies;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code /api/v1/session}: log in ({@code POST} a username and password: the session cookie, and the CSRF token in the
 * answer), who is logged in ({@code GET}), log out ({@code DELETE}).
 */
public final class SessionRoutes {

    public static final String PATH = "/api/v1/session";

    private final Accounts accounts;
    private final Sessions sessions;
    private final Authentication authentication;
    private final boolean secureCookies;
    private OidcLogin oidc;

    public SessionRoutes(Accounts accounts, Sessions sessions, Authentication authentication, boolean secureCookies) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.authentication = authentication;
        this.secureCookies = secureCookies;
    }

    /** Logging in through the council's OpenID Connect provider ({@code GET .../oidc}), when one is configured. */
    public SessionRoutes withOidc(OidcLogin oidc) {
        this.oidc = oidc;
        return this;
    }

    public void mount(Router router) {
        if (oidc != null) {
            router.get(PATH + "/oidc").handler(this::beginOidc);
            router.get(PATH + "/oidc/callback").handler(this::completeOidc);
        }
        router.post(PATH).handler(this::login);
        router.get(PATH)
                .handler(authentication.require(Role.CREW))
                .handler(ctx -> Replies.json(ctx, 200, principal(Authentication.principal(ctx), null)));
        router.delete(PATH).handler(authentication.require(Role.CREW)).handler(this::logout);
    }

    private void login(RoutingContext ctx) {
        JsonObject body = JsonBodies.object(ctx);
        if (body == null) {
            return;
        }
        String username;
        String password;
        try {
            username = JsonBodies.text(body, "username");
            password = JsonBodies.text(body, "password");
        } catch (RuntimeException e) {
            Replies.failed(ctx, e);
            return;
        }
        Replies.blocking(
                ctx,
                () -> {
                    LoginOutcome outcome = accounts.login(username, password);
                    return outcome instanceof LoginOutcome.Accepted accepted
                            ? sessions.open(accepted.account())
                            : outcome;
                },
                result -> {
                    if (result instanceof Sessions.Opened opened) {
                        ctx.response()
                                .addCookie(cookie(opened.token(), Duration.between(Instant.now(), opened.expiresAt())));
                        Replies.json(ctx, 200, principal(opened.principal(), opened.expiresAt()));
                    } else if (result instanceof LoginOutcome.LockedOut locked) {
                        long seconds = Math.max(
                                1,
                                Duration.between(Instant.now(), locked.until()).toSeconds());
                        ctx.response().putHeader("Retry-After", Long.toString(seconds));
                        Replies.problem(
                                ctx,
                                429,
                                "locked-out",
                                "Too Many Requests",
                                "Too many failed logins: this account is locked until " + locked.until() + ".",
                                null);
                    } else {
                        Replies.problem(ctx, 401, "login-refused", "Unauthorized", "Wrong username or password.", null);
                    }
                });
    }

    /** Sends the browser to the provider. */
    private void beginOidc(RoutingContext ctx) {
        Replies.blocking(ctx, oidc::begin, location -> ctx.response()
                .setStatusCode(302)
                .putHeader("Location", location.toString())
                .putHeader("Cache-Control", "no-store")
                .end());
    }

    /** The provider's answer: the session cookie for the account it names, then the dashboard. */
    private void completeOidc(RoutingContext ctx) {
        String state = ctx.request().getParam("state");
        String code = ctx.request().getParam("code");
        String error = ctx.request().getParam("error");
        Replies.blocking(
                ctx,
                () -> {
                    if (error != null) {
                        throw new OidcLogin.OidcException("The provider did not log you in: " + error);
                    }
                    return sessions.open(oidc.complete(state, code));
                },
                opened -> {
                    ctx.response()
                            .addCookie(cookie(opened.token(), Duration.between(Instant.now(), opened.expiresAt())));
                    ctx.response().setStatusCode(302).putHeader("Location", "/").end();
                });
    }

    private void logout(RoutingContext ctx) {
        String token = Authentication.token(ctx);
        Replies.blocking(
                ctx,
                () -> {
                    sessions.close(token);
                    return true;
                },
                done -> {
                    ctx.response().addCookie(cookie("", Duration.ZERO));
                    ctx.response().setStatusCode(204).end();
                });
    }

    private Cookie cookie(String value, Duration maxAge) {
        return Cookie.cookie(Authentication.COOKIE, value)
                .setPath("/")
                .setHttpOnly(true)
                .setSecure(secureCookies)
                .setSameSite(CookieSameSite.STRICT)
                .setMaxAge(maxAge.toSeconds());
    }

    private static JsonObject principal(Principal p, Instant expiresAt) {
        JsonObject json = new JsonObject()
                .put("username", p.username())
                .put("tenant", p.tenant())
                .put("role", p.role().code())
                .put("csrfToken", p.csrfToken());
        if (expiresAt != null) {
            json.put("expiresAt", expiresAt.toString());
        }
        return json;
    }
}
