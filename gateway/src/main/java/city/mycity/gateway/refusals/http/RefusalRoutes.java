package city.mycity.gateway.refusals.http;

import city.mycity.gateway.accounts.Principal;
import city.mycity.gateway.accounts.Role;
import city.mycity.gateway.exception.InvalidInputException;
import city.mycity.gateway.http.Authentication;
import city.mycity.gateway.http.QueryParams;
import city.mycity.gateway.http.Replies;
import city.mycity.gateway.refusals.RefusalFilter;
import city.mycity.gateway.refusals.RefusalStore;
import city.mycity.gateway.refusals.RefusedMessage;
import city.mycity.reading.RefusalReason;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * What the platform refused of the council's devices, for operators: {@code GET /api/v1/registry/refusals} lists the
 * refused messages (oldest first; their topic, when, every reason, the bytes as they came) and
 * {@code GET /api/v1/registry/refusals/counts} counts refused readings by reason; both take {@code device},
 * {@code reason}, {@code since} (ISO-8601) and the list {@code limit} (1-1000, 100).
 */
public final class RefusalRoutes {

    public static final String PATH = "/api/v1/registry/refusals";

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final RefusalStore store;
    private final Authentication authentication;

    public RefusalRoutes(RefusalStore store, Authentication authentication) {
        this.store = store;
        this.authentication = authentication;
    }

    public void mount(Router router) {
        router.get(PATH).handler(authentication.require(Role.OPERATOR)).handler(this::list);
        router.get(PATH + "/counts")
                .handler(authentication.require(Role.OPERATOR))
                .handler(this::counts);
    }

    private void list(RoutingContext ctx) {
        RefusalFilter filter = filterOr400(ctx);
        if (filter != null) {
            Replies.blocking(ctx, () -> store.messages(filter), messages -> {
                JsonArray items = new JsonArray();
                messages.forEach(m -> items.add(json(m)));
                Replies.json(ctx, 200, new JsonObject().put("refused", items));
            });
        }
    }

    private void counts(RoutingContext ctx) {
        RefusalFilter filter = filterOr400(ctx);
        if (filter != null) {
            Replies.blocking(ctx, () -> store.countByReason(filter), counts -> {
                JsonObject byReason = new JsonObject();
                counts.forEach(byReason::put);
                Replies.json(ctx, 200, new JsonObject().put("byReason", byReason));
            });
        }
    }

    private static RefusalFilter filterOr400(RoutingContext ctx) {
        Principal who = Authentication.principal(ctx);
        try {
            String reason = ctx.request().getParam("reason");
            if (reason != null && !reason.matches("[a-z_]{1,40}")) {
                throw new InvalidInputException(
                        "reason",
                        "A reason is a code such as "
                                + Arrays.stream(RefusalReason.values())
                                        .map(RefusalReason::code)
                                        .limit(3)
                                        .toList() + ", unauthenticated or retired_device.");
            }
            return new RefusalFilter(
                    who.tenant(),
                    reason,
                    ctx.request().getParam("device"),
                    since(ctx),
                    QueryParams.limit(ctx, DEFAULT_LIMIT, MAX_LIMIT));
        } catch (InvalidInputException e) {
            Replies.failed(ctx, e);
            return null;
        }
    }

    private static Instant since(RoutingContext ctx) {
        String text = ctx.request().getParam("since");
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Instant since = Instant.parse(text);
            if (since.isBefore(Instant.EPOCH) || since.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
                throw new DateTimeParseException("out of range", text, 0);
            }
            return since;
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("since", "since is an instant such as 2026-11-30T08:00:00Z.");
        }
    }

    private static JsonObject json(RefusedMessage m) {
        JsonObject json = new JsonObject()
                .put("id", HexFormat.of().formatHex(m.digest()))
                .put("topic", m.topic())
                .put("receivedAt", m.receivedAt().toString())
                .put("reasons", new JsonArray(m.reasons()))
                .put("replays", m.replays())
                .put("payloadBase64", Base64.getEncoder().encodeToString(m.payload()));
        String text = text(m.payload());
        if (text != null) {
            json.put("payload", text);
        }
        return json;
    }

    /** The bytes as text when they are UTF-8, else {@code null}. */
    private static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
