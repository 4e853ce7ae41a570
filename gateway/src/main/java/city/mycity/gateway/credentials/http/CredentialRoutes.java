package city.mycity.gateway.credentials.http;

import city.mycity.gateway.accounts.Principal;
import city.mycity.gateway.accounts.Role;
import city.mycity.gateway.credentials.CredentialInfo;
import city.mycity.gateway.credentials.CredentialKind;
import city.mycity.gateway.credentials.Credentials;
import city.mycity.gateway.credentials.IssuedCredential;
import city.mycity.gateway.credentials.Subject;
import city.mycity.gateway.exception.InvalidInputException;
import city.mycity.gateway.http.Authentication;
import city.mycity.gateway.http.JsonBodies;
import city.mycity.gateway.http.Replies;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Credentials of the council's gateways and devices, for operators: {@code POST .../devices/{id}/credentials} with
 * {@code {"kind": "mqtt-password" | "dtls-psk"}} issues one (its secret in this answer only; the live one of that kind
 * is revoked: a rotation), {@code GET} lists them without secrets, {@code DELETE /api/v1/registry/credentials/{id}}
 * revokes one.
 */
public final class CredentialRoutes {

    public static final String DEVICES = "/api/v1/registry/devices/:id/credentials";
    public static final String GATEWAYS = "/api/v1/registry/gateways/:id/credentials";
    public static final String ONE = "/api/v1/registry/credentials/:credential";

    private final Credentials credentials;
    private final Authentication authentication;

    public CredentialRoutes(Credentials credentials, Authentication authentication) {
        this.credentials = credentials;
        this.authentication = authentication;
    }

    public void mount(Router router) {
        mountFor(router, DEVICES, Subject::device);
        mountFor(router, GATEWAYS, Subject::gateway);
        router.delete(ONE).handler(authentication.require(Role.OPERATOR)).handler(this::revoke);
    }

    private void mountFor(Router router, String path, BiFunction<String, String, Subject> subject) {
        router.post(path).handler(authentication.require(Role.OPERATOR)).handler(ctx -> issue(ctx, subject));
        router.get(path).handler(authentication.require(Role.OPERATOR)).handler(ctx -> list(ctx, subject));
    }

    private void issue(RoutingContext ctx, BiFunction<String, String, Subject> subjectOf) {
        Principal who = Authentication.principal(ctx);
        JsonObject body = JsonBodies.object(ctx);
        if (body == null) {
            return;
        }
        Replies.blocking(
                ctx,
                () -> {
                    JsonBodies.onlyKnown(body, Set.of("kind"));
                    String kind = JsonBodies.text(body, "kind");
                    CredentialKind parsed = CredentialKind.fromCode(kind)
                            .orElseThrow(() -> new InvalidInputException(
                                    "kind", "Unknown credential kind " + kind + ": mqtt-password or dtls-psk."));
                    return credentials.issue(who.username(), subject(subjectOf, who, ctx), parsed);
                },
                issued -> Replies.json(ctx, 201, json(issued)));
    }

    private void list(RoutingContext ctx, BiFunction<String, String, Subject> subjectOf) {
        Principal who = Authentication.principal(ctx);
        Replies.blocking(ctx, () -> credentials.list(subject(subjectOf, who, ctx)), list -> {
            JsonArray items = new JsonArray();
            list.forEach(c -> items.add(json(c)));
            Replies.json(ctx, 200, new JsonObject().put("credentials", items));
        });
    }

    private void revoke(RoutingContext ctx) {
        Principal who = Authentication.principal(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("credential"));
        } catch (NumberFormatException e) {
            Replies.failed(ctx, new InvalidInputException("credential", "A credential's id is a number."));
            return;
        }
        Replies.blocking(
                ctx,
                () -> {
                    credentials.revoke(who.username(), who.tenant(), id);
                    return true;
                },
                done -> ctx.response().setStatusCode(204).end());
    }

    private static Subject subject(BiFunction<String, String, Subject> subjectOf, Principal who, RoutingContext ctx) {
        try {
            return subjectOf.apply(who.tenant(), ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("id", e.getMessage());
        }
    }

    private static JsonObject json(IssuedCredential issued) {
        return new JsonObject()
                .put("id", issued.id())
                .put("kind", issued.kind().code())
                .put("identity", issued.identity())
                .put("secret", issued.secret())
                .put("note", "The secret is shown this once: the platform keeps only what checks it.");
    }

    private static JsonObject json(CredentialInfo c) {
        return new JsonObject()
                .put("id", c.id())
                .put("kind", c.kind().code())
                .put("identity", c.identity())
                .put("createdBy", c.createdBy())
                .put("createdAt", c.createdAt().toString())
                .put("revokedAt", c.revokedAt() == null ? null : c.revokedAt().toString());
    }
}
