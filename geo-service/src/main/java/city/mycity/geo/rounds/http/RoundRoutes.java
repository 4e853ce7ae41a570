package city.mycity.geo.rounds.http;

import city.mycity.geo.InvalidParameterException;
import city.mycity.geo.http.Problems;
import city.mycity.geo.rounds.CrewRound;
import city.mycity.geo.rounds.CrewRounds;
import city.mycity.geo.rounds.NoSuchRoundException;
import city.mycity.geo.rounds.ReportConflictException;
import city.mycity.geo.rounds.StopReport;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.concurrent.Callable;

/**
 * HTTP adapter for {@link CrewRounds}, behind a guard that lets logged-in accounts through (crew, operator, admin)
 * and leaves their name, council and role in the context: {@code GET /api/v1/crew/round[?crew=]} gives today's round
 * of the crew member (operators and administrators name the crew member), {@code POST
 * /api/v1/crew/round/stops/{bin}} takes a report of a stop and gives the round as it is then. Mounted before the
 * public side's read-only rule.
 */
public final class RoundRoutes {

    public static final String ROUND = "/api/v1/crew/round";
    public static final String STOP = "/api/v1/crew/round/stops/:bin";

    /** The context keys the guard fills (plain strings). */
    static final String ACCOUNT = "mycity.account";

    static final String COUNCIL = "mycity.council";
    static final String ROLE = "mycity.role";

    private static final int MAX_BODY = 4 * 1024;

    private final CrewRounds rounds;
    private final String tenant;
    private final Handler<RoutingContext> guard;

    public RoundRoutes(CrewRounds rounds, String tenant, Handler<RoutingContext> guard) {
        this.rounds = rounds;
        this.tenant = tenant;
        this.guard = guard;
    }

    public void mount(Router router) {
        router.get(ROUND).handler(guard).handler(this::round);
        router.post(STOP)
                .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY))
                .handler(guard)
                .handler(this::report);
    }

    private void round(RoutingContext ctx) {
        String crew = crew(ctx);
        if (crew != null) {
            answer(ctx, () -> rounds.today(crew));
        }
    }

    private void report(RoutingContext ctx) {
        String crew = crew(ctx);
        if (crew == null) {
            return;
        }
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            body = null;
        }
        if (body == null) {
            throw new InvalidParameterException(
                    "body",
                    "The body must be a JSON object: {\"report_id\": uuid, \"outcome\": \"emptied\" or \"not-emptied\","
                            + " \"reason\": ..., \"note\": ..., \"at\": ISO-8601}.");
        }
        StopReport report = StopReport.parse(
                ctx.pathParam("bin"),
                text(body, "report_id"),
                text(body, "outcome"),
                text(body, "reason"),
                text(body, "note"),
                text(body, "at"),
                rounds.now());
        String by = ctx.get(ACCOUNT);
        answer(ctx, () -> rounds.report(crew, report, by));
    }

    /**
     * Whose round: the crew member's own, or the one an operator or administrator names; {@code null} when the
     * request was answered already (403, 400).
     */
    private String crew(RoutingContext ctx) {
        String account = ctx.get(ACCOUNT);
        String council = ctx.get(COUNCIL);
        String role = ctx.get(ROLE);
        String named = ctx.queryParams().get("crew");
        if (account == null || role == null || !tenant.equals(council)) {
            Problems.send(ctx, 403, "Forbidden", "This account is not one of this city's council.", null);
            return null;
        }
        if (role.equals("crew")) {
            if (named != null && !named.equals(account)) {
                Problems.send(ctx, 403, "Forbidden", "A crew member sees and reports their own round only.", null);
                return null;
            }
            return account;
        }
        if (named == null || named.isBlank()) {
            throw new InvalidParameterException(
                    "crew", "Parameter crew is required for operators: the username of a crew member.");
        }
        return named.trim();
    }

    private static String text(JsonObject body, String member) {
        Object value = body.getValue(member);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new InvalidParameterException(member, "Member " + member + " must be text.");
    }

    private static void answer(RoutingContext ctx, Callable<CrewRound> work) {
        ctx.vertx().executeBlocking(work, false).onComplete(done -> {
            if (ctx.response().ended() || ctx.response().closed()) {
                return;
            }
            if (done.succeeded()) {
                ctx.response()
                        .putHeader("Content-Type", "application/json")
                        .putHeader("Cache-Control", "no-store")
                        .end(RoundJson.of(done.result()).encode());
            } else if (done.cause() instanceof NoSuchRoundException e) {
                Problems.send(ctx, 404, "Not Found", e.getMessage(), null);
            } else if (done.cause() instanceof ReportConflictException e) {
                Problems.send(
                        ctx,
                        409,
                        "Conflict",
                        e.getMessage(),
                        e.current() == null ? null : new JsonObject().put("stop", RoundJson.stop(e.current())));
            } else {
                ctx.fail(done.cause());
            }
        });
    }
}
