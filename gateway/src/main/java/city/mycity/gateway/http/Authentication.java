package city.mycity.gateway.http;

import city.mycity.gateway.accounts.Principal;
import city.mycity.gateway.accounts.Role;
import city.mycity.gateway.accounts.Sessions;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who a request comes from: the session of its cookie, looked up in the database on each request (so that a
 * disabled account or a logout takes effect at once). A request that changes something must also carry the session's
 * CSRF token in the {@value #CSRF_HEADER} header. A program (a third party's SensorThings client, say) may instead
 * send the session's token as {@code Authorization: Bearer <token>}: a browser never sends that header on its own, so
 * such a request needs no CSRF token.
 */
public final class Authentication {

    /** The session cookie: HttpOnly, SameSite=Strict, Secure unless configured otherwise. */
    public static final String COOKIE = "mycity_session";

    public static final String CSRF_HEADER = "X-CSRF-Token";

    private static final String PRINCIPAL = "mycity.principal";

    /** The context key of the logged-in account's name (a string), for modules that do not depend on this one. */
    public static final String ACCOUNT = "mycity.account";

    /** The context key of the logged-in account's council (a string). */
    public static final String COUNCIL = "mycity.council";

    /** The context key of the logged-in account's role code (a string: crew, operator, admin). */
    public static final String ROLE = "mycity.role";

    private final Sessions sessions;

    public Authentication(Sessions sessions) {
        this.sessions = sessions;
    }

    /** A handler that lets the request through only for a logged-in account with at least this role. */
    public Handler<RoutingContext> require(Role role) {
        return ctx -> {
            String bearer = bearer(ctx);
            Cookie cookie = ctx.request().getCookie(COOKIE);
            if (bearer == null && cookie == null) {
                unauthorized(ctx);
                return;
            }
            String token = bearer != null ? bearer : cookie.getValue();
            Replies.blocking(ctx, () -> sessions.find(token), found -> {
                if (found.isEmpty()) {
                    unauthorized(ctx);
                } else if (!found.get().role().includes(role)) {
                    Replies.problem(
                            ctx,
                            403,
                            "forbidden",
                            "Forbidden",
                            "This needs the " + role.code() + " role; the account is "
                                    + found.get().role().code() + ".",
                            null);
                } else if (bearer == null && changes(ctx) && !csrfMatches(ctx, found.get())) {
                    Replies.problem(
                            ctx,
                            403,
                            "csrf",
                            "Forbidden",
                            "A request that changes something must carry the session's CSRF token in the " + CSRF_HEADER
                                    + " header.",
                            null);
                } else {
                    ctx.put(PRINCIPAL, found.get());
                    ctx.put(ACCOUNT, found.get().username());
                    ctx.put(COUNCIL, found.get().tenant());
                    ctx.put(ROLE, found.get().role().code());
                    ctx.next();
                }
            });
        };
    }

    /** The account a {@link #require} handler let through. */
    public static Principal principal(RoutingContext ctx) {
        return ctx.get(PRINCIPAL);
    }

    /** The token of an {@code Authorization: Bearer} header, or {@code null}. */
    private static String bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** The session token of the request's cookie, or {@code null}. */
    public static String token(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    private static boolean changes(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
    }

    private static boolean csrfMatches(RoutingContext ctx, Principal principal) {
        String sent = ctx.request().getHeader(CSRF_HEADER);
        return sent != null
                && MessageDigest.isEqual(
                        sent.getBytes(StandardCharsets.UTF_8),
                        principal.csrfToken().getBytes(StandardCharsets.UTF_8));
    }

    private static void unauthorized(RoutingContext ctx) {
        ctx.response().putHeader("WWW-Authenticate", "Session realm=\"MyCity\", login=\"/api/v1/session\"");
        Replies.problem(
                ctx,
                401,
                "unauthorized",
                "Unauthorized",
                "Log in first: POST /api/v1/session with your username and password.",
                null);
    }
}
