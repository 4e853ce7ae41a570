package city.mycity.gateway.registry.http;

import city.mycity.gateway.accounts.Principal;
import city.mycity.gateway.accounts.Role;
import city.mycity.gateway.exception.InvalidInputException;
import city.mycity.gateway.exception.NotFoundException;
import city.mycity.gateway.http.Authentication;
import city.mycity.gateway.http.JsonBodies;
import city.mycity.gateway.http.QueryParams;
import city.mycity.gateway.http.Replies;
import city.mycity.gateway.registry.Device;
import city.mycity.gateway.registry.DevicePage;
import city.mycity.gateway.registry.DeviceSearch;
import city.mycity.gateway.registry.Devices;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v1/registry/devices}: the council's devices, for its staff. Crew may read; operators and admins may also
 * register ({@code POST}), change ({@code PATCH}, with {@code If-Match: "version"} to refuse a stale change) and retire
 * ({@code DELETE}) them. Another council's device is not found.
 */
public final class DeviceRoutes {

    public static final String PATH = "/api/v1/registry/devices";

    private final Devices devices;
    private final Authentication authentication;

    public DeviceRoutes(Devices devices, Authentication authentication) {
        this.devices = devices;
        this.authentication = authentication;
    }

    public void mount(Router router) {
        router.get(PATH).handler(authentication.require(Role.CREW)).handler(this::search);
        router.post(PATH).handler(authentication.require(Role.OPERATOR)).handler(this::create);
        router.get(PATH + "/:id").handler(authentication.require(Role.CREW)).handler(this::read);
        router.patch(PATH + "/:id")
                .handler(authentication.require(Role.OPERATOR))
                .handler(this::update);
        router.delete(PATH + "/:id")
                .handler(authentication.require(Role.OPERATOR))
                .handler(this::retire);
    }

    private void search(RoutingContext ctx) {
        Principal who = Authentication.principal(ctx);
        DeviceSearch search;
        try {
            String status = ctx.request().getParam("status");
            search = new DeviceSearch(
                    ctx.request().getParam("kind"),
                    ctx.request().getParam("gateway"),
                    ctx.request().getParam("zone"),
                    status == null ? null : DeviceJson.status(status),
                    ctx.request().getParam("q"),
                    ctx.request().getParam("after"),
                    QueryParams.limit(ctx, DeviceSearch.DEFAULT_LIMIT, DeviceSearch.MAX_LIMIT));
        } catch (InvalidInputException e) {
            Replies.failed(ctx, e);
            return;
        }
        Replies.blocking(ctx, () -> devices.search(who.tenant(), search), page -> Replies.json(ctx, 200, page(page)));
    }

    private void create(RoutingContext ctx) {
        Principal who = Authentication.principal(ctx);
        JsonObject body = JsonBodies.object(ctx);
        if (body == null) {
            return;
        }
        Replies.blocking(ctx, () -> devices.create(who.username(), who.tenant(), DeviceJson.draft(body)), device -> {
            ctx.response().putHeader("Location", PATH + "/" + device.id());
            reply(ctx, 201, device);
        });
    }

    private void read(RoutingContext ctx) {
        Principal who = Authentication.principal(ctx);
        String id = ctx.pathParam("id");
        Replies.blocking(
                ctx,
                () -> devices.find(who.tenant(), id)
                        .orElseThrow(() -> new NotFoundException("No device " + id + " is registered.")),
                device -> reply(ctx, 200, device));
    }

    private void update(RoutingContext ctx) {
        Principal who = Authentication.principal(ctx);
        JsonObject body = JsonBodies.object(ctx);
        if (body == null) {
            return;
        }
        String ifMatch = ctx.request().getHeader("If-Match");
        Integer version;
        try {
            version = ifMatch == null
                    ? null
                    : Integer.valueOf(ifMatch.replace("\"", "").trim());
        } catch (NumberFormatException e) {
            Replies.problem(
                    ctx, 400, "invalid-input", "Bad Request", "If-Match takes the device's version: \"3\".", null);
            return;
        }
        Replies.blocking(
                ctx,
                () -> devices.update(
                        who.username(), who.tenant(), ctx.pathParam("id"), DeviceJson.draft(body), version),
                device -> reply(ctx, 200, device));
    }

    private void retire(RoutingContext ctx) {
        Principal who = Authentication.principal(ctx);
        Replies.blocking(
                ctx, () -> devices.retire(who.username(), who.tenant(), ctx.pathParam("id")), d -> reply(ctx, 200, d));
    }

    private static void reply(RoutingContext ctx, int status, Device device) {
        ctx.response().putHeader("ETag", "\"" + device.version() + "\"");
        Replies.json(ctx, status, DeviceJson.of(device));
    }

    private static JsonObject page(DevicePage page) {
        JsonArray items = new JsonArray();
        page.devices().forEach(d -> items.add(DeviceJson.of(d)));
        return new JsonObject().put("devices", items).put("next", page.next());
    }
}
