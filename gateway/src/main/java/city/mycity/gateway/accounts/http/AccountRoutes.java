package city.mycity.gateway.accounts.http;

import city.mycity.gateway.accounts.Account;
import city.mycity.gateway.accounts.Accounts;
import city.mycity.gateway.accounts.Principal;
import city.mycity.gateway.accounts.Role;
import city.mycity.gateway.exception.InvalidInputException;
import city.mycity.gateway.exception.NotFoundException;
import city.mycity.gateway.http.Authentication;
import city.mycity.gateway.http.JsonBodies;
import city.mycity.gateway.http.Replies;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * {@code /api/v1/accounts}: a council's administrators list its accounts, create them, set a password and disable one.
 * Only the council's own accounts are seen.
 */
public final class AccountRoutes {

    public static final String PATH = "/api/v1/accounts";

    private final Accounts accounts;
    private final Authentication authentication;

    public AccountRoutes(Accounts accounts, Authentication authentication) {
        this.accounts = accounts;
        this.authentication = authentication;
    }

    public void mount(Router router) {
        router.get(PATH).handler(authentication.require(Role.ADMIN)).handler(this::list);
        router.post(PATH).handler(authentication.require(Role.ADMIN)).handler(this::create);
        router.put(PATH + "/:username/password")
                .handler(authentication.require(Role.ADMIN))
                .handler(this::password);
        router.delete(PATH + "/:username")
                .handler(authentication.require(Role.ADMIN))
                .handler(this::disable);
    }

    private void list(RoutingContext ctx) {
        Principal who = Authentication.principal(ctx);
        Replies.blocking(ctx, () -> accounts.list(who.tenant()), list -> {
            JsonArray items = new JsonArray();
            list.forEach(a -> items.add(json(a)));
            Replies.json(ctx, 200, new JsonObject().put("accounts", items));
        });
    }

    private void create(RoutingContext ctx) {
        Principal who = Authentication.principal(ctx);
        JsonObject body = JsonBodies.object(ctx);
        if (body == null) {
            return;
        }
        Replies.blocking(
                ctx,
                () -> {
                    JsonBodies.onlyKnown(body, Set.of("username", "role", "displayName", "password"));
                    String role = JsonBodies.text(body, "role");
                    return accounts.create(
                            who.username(),
                            who.tenant(),
                            JsonBodies.text(body, "username"),
                            Role.fromCode(role)
                                    .orElseThrow(() -> new InvalidInputException(
                                            "role", "Unknown role " + role + ": crew, operator or admin.")),
                            JsonBodies.text(body, "displayName"),
                            JsonBodies.text(body, "password"));
                },
                account -> {
                    ctx.response().putHeader("Location", PATH + "/" + account.username());
                    Replies.json(ctx, 201, json(account));
                });
    }

    private void password(RoutingContext ctx) {
        Principal who = Authentication.principal(ctx);
        JsonObject body = JsonBodies.object(ctx);
        if (body == null) {
            return;
        }
        Replies.blocking(
                ctx,
                () -> {
                    JsonBodies.onlyKnown(body, Set.of("password"));
                    accounts.setPassword(
                            who.username(), who.tenant(), ctx.pathParam("username"), JsonBodies.text(body, "password"));
                    return true;
                },
                done -> ctx.response().setStatusCode(204).end());
    }

    private void disable(RoutingContext ctx) {
        Principal who = Authentication.principal(ctx);
        Replies.blocking(
                ctx,
                () -> {
                    accounts.disable(who.username(), who.tenant(), ctx.pathParam("username"));
                    return accounts.find(who.tenant(), ctx.pathParam("username"))
                            .orElseThrow(() -> new NotFoundException("No account " + ctx.pathParam("username")));
                },
                account -> Replies.json(ctx, 200, json(account)));
    }

    private static JsonObject json(Account a) {
        return new JsonObject()
                .put("username", a.username())
                .put("tenant", a.tenant())
                .put("role", a.role().code())
                .put("displayName", a.displayName())
                .put(
                        "lockedUntil",
                        a.lockedUntil() == null ? null : a.lockedUntil().toString())
                .put(
                        "disabledAt",
                        a.disabledAt() == null ? null : a.disabledAt().toString())
                .put("createdAt", a.createdAt().toString());
    }
}
