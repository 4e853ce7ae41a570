package city.mycity.gateway.operations.http;

import city.mycity.gateway.accounts.Principal;
import city.mycity.gateway.accounts.Role;
import city.mycity.gateway.alerts.AlertStore;
import city.mycity.gateway.exception.InvalidInputException;
import city.mycity.gateway.exception.NotFoundException;
import city.mycity.gateway.http.Authentication;
import city.mycity.gateway.http.JsonBodies;
import city.mycity.gateway.http.QueryParams;
import city.mycity.gateway.http.Replies;
import city.mycity.gateway.operations.AlertFilter;
import city.mycity.gateway.operations.AlertQueue;
import city.mycity.gateway.operations.AlertQueue.AlertPage;
import city.mycity.gateway.operations.AlertStatusFilter;
import city.mycity.gateway.operations.GatewayBoard;
import city.mycity.gateway.operations.SensorFilter;
import city.mycity.gateway.operations.SensorMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code /api/v1/ops}: the operations centre, for operators (and admins) of one council, who see only their council's
 * rows. {@code GET .../sensors} (the map), {@code GET .../alerts} (the queue), {@code POST .../alerts/{id}/acknowledge}
 * and {@code .../resolve}, {@code GET .../gateways} (their health). The lists take {@code since} (an earlier answer's
 * {@code as_of}) to poll for changes only.
 */
public final class OperationsRoutes {

    public static final String PATH = "/api/v1/ops";

    /** The most characters of a note on an acknowledgement or a resolution. */
    public static final int MAX_NOTE = 500;

    private static final int DEFAULT_LIMIT = 500;
    private static final int MAX_LIMIT = 5000;
    private static final Pattern KIND = Pattern.compile("[a-z0-9-]{1,40}");
    private static final Pattern ZONE = Pattern.compile("\\S.{0,99}");

    private final SensorMap sensors;
    private final AlertQueue queue;
    private final AlertStore alerts;
    private final GatewayBoard gateways;
    private final Authentication authentication;

    public OperationsRoutes(
            SensorMap sensors,
            AlertQueue queue,
            AlertStore alerts,
            GatewayBoard gateways,
            Authentication authentication) {
        this.sensors = sensors;
        this.queue = queue;
        this.alerts = alerts;
        this.gateways = gateways;
        this.authentication = authentication;
    }

    public void mount(Router router) {
        router.get(PATH + "/sensors")
                .handler(authentication.require(Role.OPERATOR))
                .handler(this::sensors);
        router.get(PATH + "/alerts")
                .handler(authentication.require(Role.OPERATOR))
                .handler(this::alerts);
        router.post(PATH + "/alerts/:id/acknowledge")
                .handler(authentication.require(Role.OPERATOR))
                .handler(ctx -> decide(ctx, true));
        router.post(PATH + "/alerts/:id/resolve")
                .handler(authentication.require(Role.OPERATOR))
                .handler(ctx -> decide(ctx, false));
        router.get(PATH + "/gateways")
                .handler(authentication.require(Role.OPERATOR))
                .handler(this::gateways);
    }

    private void sensors(RoutingContext ctx) {
        Principal who = Authentication.principal(ctx);
        SensorFilter filter;
        try {
            filter = new SensorFilter(kind(ctx), zone(ctx), QueryParams.instant(ctx, "since"));
        } catch (InvalidInputException e) {
            Replies.failed(ctx, e);
            return;
        }
        Replies.blocking(
                ctx,
                () -> sensors.snapshot(who.tenant(), filter),
                snapshot -> Replies.json(ctx, 200, OperationsJson.sensors(snapshot, filter.since() != null)));
    }

    private void alerts(RoutingContext ctx) {
        Principal who = Authentication.principal(ctx);
        AlertFilter filter;
        try {
            String status = ctx.request().getParam("status");
            AlertStatusFilter byStatus = status == null || status.isEmpty()
                    ? AlertStatusFilter.UNRESOLVED
                    : AlertStatusFilter.of(status)
                            .orElseThrow(() -> new InvalidInputException(
                                    "status", "status is open, acknowledged, resolved, unresolved or all."));
            filter = new AlertFilter(
                    byStatus,
                    kind(ctx),
                    zone(ctx),
                    QueryParams.instant(ctx, "since"),
                    QueryParams.limit(ctx, DEFAULT_LIMIT, MAX_LIMIT));
        } catch (InvalidInputException e) {
            Replies.failed(ctx, e);
            return;
        }
        Replies.blocking(
                ctx, () -> queue.list(who.tenant(), filter), page -> Replies.json(ctx, 200, json(page, filter)));
    }

    private static JsonObject json(AlertPage page, AlertFilter filter) {
        JsonArray items = new JsonArray();
        page.alerts().forEach(a -> items.add(OperationsJson.alert(a)));
        JsonObject json = new JsonObject()
                .put("as_of", page.asOf().toString())
                .put("alerts", items)
                .put("more", page.more());
        if (filter.since() != null) {
            json.put("removed", new JsonArray(page.removed()));
        }
        return json;
    }

    private void decide(RoutingContext ctx, boolean acknowledge) {
        Principal who = Authentication.principal(ctx);
        String id = ctx.pathParam("id");
        String note;
        try {
            note = note(ctx);
        } catch (InvalidInputException e) {
            Replies.failed(ctx, e);
            return;
        }
        if (note == null && ctx.response().ended()) {
            return;
        }
        Replies.blocking(
                ctx,
                () -> {
                    if (acknowledge) {
                        alerts.acknowledge(who.tenant(), id, who.username(), note);
                    } else {
                        alerts.resolve(who.tenant(), id, who.username(), note);
                    }
                    return queue.find(who.tenant(), id)
                            .orElseThrow(() -> new NotFoundException("No alert " + id + "."));
                },
                alert -> Replies.json(ctx, 200, OperationsJson.alert(alert)));
    }

    /** The optional body's note: {@code null} without a body or a note; the request answered when the body is wrong. */
    private static String note(RoutingContext ctx) {
        if (ctx.body() == null
                || ctx.body().buffer() == null
                || ctx.body().buffer().length() == 0) {
            return null;
        }
        JsonObject body = JsonBodies.object(ctx);
        if (body == null) {
            return null;
        }
        JsonBodies.onlyKnown(body, Set.of("note"));
        String note = JsonBodies.text(body, "note");
        if (note == null || note.isBlank()) {
            return null;
        }
        note = note.strip();
        if (note.length() > MAX_NOTE) {
            throw new InvalidInputException("note", "A note is at most " + MAX_NOTE + " characters.");
        }
        return note;
    }

    private void gateways(RoutingContext ctx) {
        Principal who = Authentication.principal(ctx);
        String zone;
        try {
            zone = zone(ctx);
        } catch (InvalidInputException e) {
            Replies.failed(ctx, e);
            return;
        }
        Replies.blocking(
                ctx,
                () -> gateways.list(who.tenant(), zone),
                list -> Replies.json(ctx, 200, OperationsJson.gateways(list)));
    }

    private static String kind(RoutingContext ctx) {
        return QueryParams.text(
                ctx, "kind", KIND, "A kind is a code such as parking-bay, bin, water or traffic-counter.");
    }

    private static String zone(RoutingContext ctx) {
        return QueryParams.text(ctx, "zone", ZONE, "A zone is its id, at most 100 characters.");
    }
}
