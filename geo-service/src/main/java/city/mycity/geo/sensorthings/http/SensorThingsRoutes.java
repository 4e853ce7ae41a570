package city.mycity.geo.sensorthings.http;

import city.mycity.geo.InvalidParameterException;
import city.mycity.geo.http.MicroCache;
import city.mycity.geo.http.Problems;
import city.mycity.geo.sensorthings.entity.EntityType;
import city.mycity.geo.sensorthings.entity.ResourcePath;
import city.mycity.geo.sensorthings.query.QueryOptions;
import city.mycity.geo.sensorthings.query.QueryOptionsParser;
import city.mycity.geo.sensorthings.store.EntityReader;
import city.mycity.geo.sensorthings.store.EntityRejected;
import city.mycity.geo.sensorthings.store.EntityWriter;
import city.mycity.geo.sensorthings.store.Links;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The OGC SensorThings API (v1.1, and the same resources at v1.0) under {@value #PREFIX}: reading is public, creating,
 * changing and deleting pass the {@code guard} first (an operator's login). Bad requests are answered with RFC 9457
 * problem documents that say what is wrong.
 */
public final class SensorThingsRoutes {

    public static final String PREFIX = "/sta";
    public static final List<String> VERSIONS = List.of("v1.0", "v1.1");

    private static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/iot_sensing/1.1/req/datamodel",
            "http://www.opengis.net/spec/iot_sensing/1.1/req/resource-path/resource-path-to-entities",
            "http://www.opengis.net/spec/iot_sensing/1.1/req/request-data",
            "http://www.opengis.net/spec/iot_sensing/1.1/req/create-update-delete");

    private final EntityReader reader;
    private final EntityWriter writer;
    private final QueryOptionsParser options;
    private final int maxBodyBytes;
    private static final String GENERATION = "mycity.sta.generation";
    /** Reads are kept a second (so a crowd asking the same pays once); a write empties it. */
    private final MicroCache cache = new MicroCache(java.time.Duration.ofSeconds(1), 10_000, 256 * 1024);

    public SensorThingsRoutes(EntityReader reader, EntityWriter writer, int maxTop, int maxBodyBytes) {
        this.reader = reader;
        this.writer = writer;
        this.options = new QueryOptionsParser(maxTop);
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Mounts the writes: before the public side's read-only rule, each behind the guard. */
    public void mountWrites(Router router, Handler<RoutingContext> guard) {
        for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PATCH, HttpMethod.PUT, HttpMethod.DELETE)) {
            router.route(PREFIX + "/*")
                    .method(method)
                    // Vert.x reads the body before any other handler; its limit bounds what an anonymous client sends.
                    .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
                    .handler(guard)
                    .handler(this::write);
        }
    }

    /** Mounts the reads, public. */
    public void mountReads(Router router) {
        router.route(PREFIX + "/*")
                .handler(CorsHandler.create()
                        .addOrigin("*")
                        .allowedMethod(HttpMethod.GET)
                        .maxAgeSeconds(3600));
        for (String version : VERSIONS) {
            router.get(PREFIX + "/" + version).handler(ctx -> serviceRoot(ctx, version));
            router.get(PREFIX + "/" + version + "/").handler(ctx -> serviceRoot(ctx, version));
        }
        router.get(PREFIX + "/*").handler(this::read);
    }

    private void serviceRoot(RoutingContext ctx, String version) {
        String root = root(ctx, version);
        JsonArray value = new JsonArray();
        for (EntityType type : EntityType.values()) {
            value.add(new JsonObject().put("name", type.plural()).put("url", root + "/" + type.plural()));
        }
        JsonObject body = new JsonObject().put("value", value);
        if (version.equals("v1.1")) {
            body.put("serverSettings", new JsonObject().put("conformance", new JsonArray(CONFORMANCE)));
        }
        ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
    }

    private void read(RoutingContext ctx) {
        MicroCache.Entry kept = cache.get(cacheKey(ctx));
        if (kept != null) {
            ctx.response()
                    .putHeader("Content-Type", kept.contentType())
                    .putHeader("Cache-Control", "max-age=1")
                    .end(kept.body());
            return;
        }
        long generation = cache.generation();
        ctx.put(GENERATION, generation);
        Target target = target(ctx);
        if (target == null) {
            return;
        }
        QueryOptions query = options.parse(parameters(ctx));
        ResourcePath path = target.path();
        Links links = new Links(target.root(), (skip, top) -> nextLink(ctx, target, skip, top));
        if (path.property() != null) {
            answer(
                    ctx,
                    () -> reader.entity(path, QueryOptions.NONE.withSelect(List.of(path.property())), links),
                    found -> property(ctx, path, found));
        } else if (path.single()) {
            answer(ctx, () -> reader.entity(path, query, links), found -> {
                if (found.isEmpty()) {
                    notFound(ctx);
                } else {
                    kept(ctx, found.get());
                }
            });
        } else {
            answer(
                    ctx,
                    () -> {
                        if (path.steps().size() > 1 && !parentExists(path)) {
                            return Optional.<JsonObject>empty();
                        }
                        return Optional.of(reader.collection(path, query, links));
                    },
                    found -> {
                        if (found.isEmpty()) {
                            notFound(ctx);
                        } else {
                            kept(ctx, found.get());
                        }
                    });
        }
    }

    /** Answers a read, and keeps the answer for the requests like it in the next second. */
    private void kept(RoutingContext ctx, JsonObject body) {
        io.vertx.core.buffer.Buffer encoded = body.toBuffer();
        Long generation = ctx.get(GENERATION);
        cache.put(cacheKey(ctx), "application/json", encoded, generation == null ? -1 : generation);
        ctx.response()
                .setStatusCode(200)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "max-age=1")
                .end(encoded);
    }

    /** A request as the links of its answer depend on it: the host it was sent to, and its path and query. */
    private static String cacheKey(RoutingContext ctx) {
        return ctx.request().scheme() + "://" + ctx.request().authority()
                + ctx.request().uri();
    }

    private boolean parentExists(ResourcePath path) throws java.sql.SQLException {
        List<ResourcePath.Step> steps = path.steps().subList(0, path.steps().size() - 1);
        return reader.exists(new ResourcePath(steps, null, false, false));
    }

    private void property(RoutingContext ctx, ResourcePath path, Optional<JsonObject> found) {
        if (found.isEmpty()) {
            notFound(ctx);
            return;
        }
        Object value = found.get().getValue(path.property());
        if (!path.value()) {
            json(ctx, 200, new JsonObject().put(path.property(), value));
        } else if (value instanceof JsonObject || value instanceof JsonArray) {
            ctx.response().putHeader("Content-Type", "application/json").end(String.valueOf(value));
        } else {
            ctx.response()
                    .putHeader("Content-Type", "text/plain; charset=utf-8")
                    .end(value == null ? "null" : value.toString());
        }
    }

    private void write(RoutingContext ctx) {
        cache.clear();
        ctx.addEndHandler(done -> cache.clear());
        Target target = target(ctx);
        if (target == null) {
            return;
        }
        ResourcePath path = target.path();
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.DELETE) {
            answer(
                    ctx,
                    () -> {
                        writer.delete(path);
                        return true;
                    },
                    done -> ctx.response().setStatusCode(200).end());
            return;
        }
        JsonObject body = body(ctx);
        if (body == null) {
            return;
        }
        Links links = new Links(target.root(), null);
        if (method == HttpMethod.POST) {
            answer(ctx, () -> writer.create(path, body), id -> {
                String location = target.root() + "/" + path.target().plural() + "(" + id + ")";
                answer(
                        ctx,
                        () -> reader.entity(parse(path.target().plural() + "(" + id + ")"), QueryOptions.NONE, links),
                        created -> {
                            ctx.response().putHeader("Location", location);
                            json(ctx, 201, created.orElse(new JsonObject()));
                        });
            });
        } else {
            answer(
                    ctx,
                    () -> {
                        writer.update(path, body, method == HttpMethod.PUT);
                        return reader.entity(path, QueryOptions.NONE, links);
                    },
                    updated -> json(ctx, 200, updated.orElse(new JsonObject())));
        }
    }

    private static ResourcePath parse(String path) {
        return ResourcePath.parse(path).path();
    }

    private static JsonObject body(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            Problems.send(
                    ctx,
                    415,
                    "Unsupported Media Type",
                    "Send the entity as JSON, with Content-Type: application/json.",
                    null);
            return null;
        }
        try {
            Object value = ctx.body().asJsonObject();
            if (value == null) {
                Problems.send(ctx, 400, "Bad Request", "The request has no body: send the entity as JSON.", null);
                return null;
            }
            return (JsonObject) value;
        } catch (DecodeException | ClassCastException e) {
            Problems.send(ctx, 400, "Bad Request", "The body is not a JSON object: " + firstLine(e.getMessage()), null);
            return null;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "it could not be read.";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The service root the client used, the version and the resource path; null when answered already. */
    private record Target(String root, String version, ResourcePath path) {}

    private static Target target(RoutingContext ctx) {
        String rest = ctx.request().path().substring(PREFIX.length() + 1);
        int slash = rest.indexOf('/');
        String version = slash < 0 ? rest : rest.substring(0, slash);
        if (!VERSIONS.contains(version)) {
            Problems.send(
                    ctx,
                    404,
                    "Not Found",
                    "SensorThings is served at " + PREFIX + "/v1.1 and " + PREFIX + "/v1.0.",
                    null);
            return null;
        }
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        ResourcePath.Result parsed = ResourcePath.parse(path);
        if (parsed.path() == null) {
            Problems.send(ctx, 404, "Not Found", parsed.error(), null);
            return null;
        }
        return new Target(root(ctx, version), version, parsed.path());
    }

    private static String root(RoutingContext ctx, String version) {
        return ctx.request().scheme() + "://" + ctx.request().authority() + PREFIX + "/" + version;
    }

    private static Map<String, String> parameters(RoutingContext ctx) {
        MultiMap params = ctx.queryParams();
        Map<String, String> map = new LinkedHashMap<>();
        for (String name : params.names()) {
            List<String> values = params.getAll(name);
            if (values.size() > 1 && name.startsWith("$")) {
                throw new InvalidParameterException(
                        name, name + " is given " + values.size() + " times; give it once.");
            }
            map.put(name, values.get(0));
        }
        return map;
    }

    private static String nextLink(RoutingContext ctx, Target target, int skip, int top) {
        Map<String, String> params = new LinkedHashMap<>(parameters(ctx));
        params.put("$top", Integer.toString(top));
        params.put("$skip", Integer.toString(skip));
        StringBuilder link = new StringBuilder(target.root())
                .append(ctx.request().path().substring((PREFIX + "/" + target.version()).length()));
        char separator = '?';
        for (Map.Entry<String, String> p : params.entrySet()) {
            link.append(separator)
                    .append(p.getKey())
                    .append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8)
                            .replace("+", "%20"));
            separator = '&';
        }
        return link.toString();
    }

    private static <T> void answer(RoutingContext ctx, Callable<T> work, java.util.function.Consumer<T> reply) {
        ctx.vertx()
                .executeBlocking(work, false)
                .onSuccess(result -> {
                    if (!ctx.response().ended() && !ctx.response().closed()) {
                        reply.accept(result);
                    }
                })
                .onFailure(e -> {
                    if (ctx.response().closed() || ctx.response().ended()) {
                        return;
                    }
                    if (e instanceof java.sql.SQLException q && "57014".equals(q.getSQLState())) {
                        Problems.send(
                                ctx,
                                400,
                                "Bad Request",
                                "The query asked too much of the store (it ran for more than"
                                        + " 10 s): narrow it with $filter, fewer entities with $top, or no $count.",
                                null);
                    } else if (e instanceof EntityRejected r) {
                        Problems.send(
                                ctx,
                                r.status(),
                                title(r.status()),
                                r.getMessage(),
                                new JsonObject().put("reason", r.reason()));
                    } else {
                        ctx.fail(e);
                    }
                });
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            default -> "Error";
        };
    }

    private static void notFound(RoutingContext ctx) {
        Problems.send(ctx, 404, "Not Found", "There is no entity at this path.", null);
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-cache")
                .end(body.encode());
    }
}
