package city.mycity.gateway.registry.http;

import city.mycity.gateway.accounts.Principal;
import city.mycity.gateway.accounts.Role;
import city.mycity.gateway.exception.InvalidInputException;
import city.mycity.gateway.exception.NotFoundException;
import city.mycity.gateway.http.Authentication;
import city.mycity.gateway.http.JsonBodies;
import city.mycity.gateway.http.QueryParams;
import city.mycity.gateway.http.Replies;
import city.mycity.gateway.registry.Gateway;
import city.mycity.gateway.registry.Gateways;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * {@code /api/v1/registry/gateways}: the council's edge gateways. Crew may read; operators may also register
 * ({@code POST}), change ({@code PATCH}) and retire ({@code DELETE}, which revokes the gateway's credentials) them.
 */
public final class GatewayRoutes {

    public static final String PATH = "/api/v1/registry/gateways";

    private static final Set<String> FIELDS =
            Set.of("id", "zone", "latitude", "longitude", "status", "firmwareVersion", "installedOn");

    private final Gateways gateways;
    private final Authentication authentication;

    public GatewayRoutes(Gateways gateways, Authentication authentication) {
        this.gateways = gateways;
        this.authentication = authentication;
    }

    public void mount(Router router) {
        router.get(PATH).handler(authentication.require(Role.CREW)).handler(this::list);
        router.post(PATH).handler(authentication.require(Role.OPERATOR)).handler(this::create);
        router.get(PATH + "/:id").handler(authentication.require(Role.CREW)).handler(this::read);
        router.patch(PATH + "/:id")
                .handler(authentication.require(Role.OPERATOR))
                .handler(this::update);
        router.delete(PATH + "/:id")
                .handler(authentication.require(Role.OPERATOR))
                .handler(this::retire);
    }

    private void list(RoutingContext ctx) {
        Principal who = Authentication.principal(ctx);
        int size;
        try {
            size = QueryParams.limit(ctx, 100, 1000);
        } catch (InvalidInputException e) {
            Replies.failed(ctx, e);
            return;
        }
        Replies.blocking(
                ctx,
                () -> gateways.list(
                        who.tenant(),
                        ctx.request().getParam("zone"),
                        ctx.request().getParam("status"),
                        ctx.request().getParam("after"),
                        size),
                page -> Replies.json(ctx, 200, page(page, size)));
    }

    private void create(RoutingContext ctx) {
        Principal who = Authentication.principal(ctx);
        JsonObject body = JsonBodies.object(ctx);
        if (body != null) {
            Replies.blocking(ctx, () -> gateways.create(who.username(), who.tenant(), draft(body)), g -> {
                ctx.response().putHeader("Location", PATH + "/" + g.id());
                Replies.json(ctx, 201, json(g));
            });
        }
    }

    private void read(RoutingContext ctx) {
        Principal who = Authentication.principal(ctx);
        String id = ctx.pathParam("id");
        Replies.blocking(
                ctx,
                () -> gateways.find(who.tenant(), id)
                        .orElseThrow(() -> new NotFoundException("No gateway " + id + " is registered.")),
                g -> Replies.json(ctx, 200, json(g)));
    }

    private void update(RoutingContext ctx) {
        Principal who = Authentication.principal(ctx);
        JsonObject body = JsonBodies.object(ctx);
        if (body != null) {
            Replies.blocking(
                    ctx,
                    () -> gateways.update(who.username(), who.tenant(), ctx.pathParam("id"), draft(body)),
                    g -> Replies.json(ctx, 200, json(g)));
        }
    }

    private void retire(RoutingContext ctx) {
        Principal who = Authentication.principal(ctx);
        Replies.blocking(
                ctx,
                () -> gateways.retire(who.username(), who.tenant(), ctx.pathParam("id")),
                g -> Replies.json(ctx, 200, json(g)));
    }

    private static Gateways.Draft draft(JsonObject body) {
        JsonBodies.onlyKnown(body, FIELDS);
        String installed = JsonBodies.text(body, "installedOn");
        LocalDate day;
        try {
            day = installed == null ? null : LocalDate.parse(installed);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("installedOn", "The installedOn day is written 2026-05-04.");
        }
        return new Gateways.Draft(
                JsonBodies.text(body, "id"),
                JsonBodies.text(body, "zone"),
                JsonBodies.number(body, "latitude"),
                JsonBodies.number(body, "longitude"),
                JsonBodies.text(body, "status"),
                JsonBodies.text(body, "firmwareVersion"),
                day);
    }

    private static JsonObject page(List<Gateway> page, int asked) {
        JsonArray items = new JsonArray();
        page.forEach(g -> items.add(json(g)));
        return new JsonObject()
                .put("gateways", items)
                .put(
                        "next",
                        page.size() == asked && !page.isEmpty()
                                ? page.get(page.size() - 1).id()
                                : null);
    }

    private static JsonObject json(Gateway g) {
        return new JsonObject()
                .put("id", g.id())
                .put("zone", g.zone())
                .put("latitude", g.latitude())
                .put("longitude", g.longitude())
                .put("status", g.status())
                .put("firmwareVersion", g.firmwareVersion())
                .put(
                        "installedOn",
                        g.installedOn() == null ? null : g.installedOn().toString())
                .put("updatedAt", g.updatedAt().toString())
                .put("retiredAt", g.retiredAt() == null ? null : g.retiredAt().toString());
    }
}
