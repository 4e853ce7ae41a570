package city.mycity.geo.open311;

import city.mycity.citymodel.BoundingBox;
import city.mycity.geo.http.Problems;
import city.mycity.geo.http.RateLimits;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Open311 GeoReport v2 under {@value #ROOT}: the discovery document, services and their definitions, problem reports
 * (anyone may post one, anonymously if they like, with a photo), a report by its id or its token, and reports by
 * service, time and status, each in JSON or XML ({@code .json}, {@code .xml}). Operators change a report's status at
 * {@code PATCH /api/v1/open311/requests/{id}}. Nothing personal is ever written out.
 */
public final class Open311Routes {

    public static final String ROOT = "/open311/v2";
    public static final String OPERATORS = "/api/v1/open311/requests/:id";

    private static final Pattern PATH =
            Pattern.compile("/(discovery|services|requests|tokens)(?:/([A-Za-z0-9_.\\-]{1,64}))?\\.(json|xml)");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");
    private static final int MAX_TEXT = 4000;
    private static final int MAX_IDS = 100;
    private static final int MAX_RESULTS = 1000;
    private static final Duration DEFAULT_SPAN = Duration.ofDays(90);

    private final RequestStore store;
    private final Photos photos;
    private final BoundingBox bounds;
    private final String tenant;
    private final RateLimits reports;

    /**
     * @param reportsPerMinute how many reports one address may post a minute (in bursts of as many)
     */
    public Open311Routes(RequestStore store, Photos photos, BoundingBox bounds, String tenant, int reportsPerMinute) {
        this.store = store;
        this.photos = photos;
        this.bounds = bounds;
        this.tenant = tenant;
        this.reports = new RateLimits(reportsPerMinute / 60.0, reportsPerMinute);
    }

    /** Mounts the writes, before the public side's read-only rule: reports from anyone, status changes by operators. */
    public void mountWrites(Router router, Handler<RoutingContext> operators, Path uploads) {
        // The rate first, before a body is read: a flood is turned away without storing what it sends.
        router.post(ROOT + "/requests.:format").handler(reports::handle);
        router.post(ROOT + "/requests.:format")
                .handler(BodyHandler.create(uploads.toString())
                        .setBodyLimit(Photos.DEFAULT_MAX_BYTES + 64 * 1024)
                        .setDeleteUploadedFilesOnEnd(true))
                .handler(this::post);
        router.patch(OPERATORS)
                .handler(BodyHandler.create(false).setBodyLimit(16 * 1024))
                .handler(operators)
                .handler(this::changeStatus);
    }

    /** Mounts the reads, public. */
    public void mountReads(Router router) {
        router.route(ROOT + "/*")
                .handler(CorsHandler.create().addOrigin("*").allowedMethod(io.vertx.core.http.HttpMethod.GET));
        router.get(ROOT + "/*").handler(this::read);
    }

    private void read(RoutingContext ctx) {
        Matcher m = PATH.matcher(ctx.request().path().substring(ROOT.length()));
        if (ctx.request().path().startsWith(ROOT + "/media/")) {
            media(ctx);
            return;
        }
        if (!m.matches()) {
            error(
                    ctx,
                    "json",
                    404,
                    "No such resource: GeoReport v2 serves discovery, services, services/{code},"
                            + " requests, requests/{id} and tokens/{token}, each as .json or .xml.");
            return;
        }
        String resource = m.group(1);
        String id = m.group(2);
        String format = m.group(3);
        if (!jurisdiction(ctx, format)) {
            return;
        }
        switch (resource) {
            case "discovery" -> send(ctx, format, 200, Formats.write(format, "discovery", discovery(ctx)));
            case "services" -> services(ctx, format, id);
            case "tokens" -> token(ctx, format, id);
            default -> requests(ctx, format, id);
        }
    }

    private JsonObject discovery(RoutingContext ctx) {
        String base = ctx.request().scheme() + "://" + ctx.request().authority() + ROOT + "/";
        return new JsonObject()
                .put("changeset", "2026-11-30T00:00:00Z")
                .put("contact", "The council's operations centre, through the city's website.")
                .put("key_service", "No API key is needed: anyone may read, and post reports.")
                .put(
                        "endpoints",
                        new JsonArray()
                                .add(new JsonObject()
                                        .put("specification", "http://wiki.open311.org/GeoReport_v2")
                                        .put("url", base)
                                        .put("changeset", "2026-11-30T00:00:00Z")
                                        .put("type", "production")
                                        .put(
                                                "formats",
                                                new JsonArray()
                                                        .add("application/json")
                                                        .add("text/xml"))));
    }

    private void services(RoutingContext ctx, String format, String code) {
        if (code == null) {
            JsonArray all = new JsonArray();
            Service.ALL.forEach(s -> all.add(Representations.service(s)));
            send(ctx, format, 200, Formats.write(format, "services", all));
            return;
        }
        Service.of(code)
                .ifPresentOrElse(
                        s -> send(
                                ctx,
                                format,
                                200,
                                Formats.write(format, "service_definition", Representations.definition(s))),
                        () -> error(
                                ctx, format, 404, "There is no service " + code + "; see services." + format + "."));
    }

    private void token(RoutingContext ctx, String format, String token) {
        UUID parsed;
        try {
            parsed = UUID.fromString(token == null ? "" : token);
        } catch (IllegalArgumentException e) {
            error(ctx, format, 404, "There is no request with the token " + token + ".");
            return;
        }
        answer(ctx, format, () -> store.byToken(parsed), id -> {
            if (id.isEmpty()) {
                error(ctx, format, 404, "There is no request with the token " + token + ".");
            } else {
                JsonArray list = new JsonArray()
                        .add(new JsonObject()
                                .put("service_request_id", Long.toString(id.get()))
                                .put("token", token));
                send(ctx, format, 200, Formats.write(format, "service_requests", list));
            }
        });
    }

    private void requests(RoutingContext ctx, String format, String id) {
        String mediaRoot = ctx.request().scheme() + "://" + ctx.request().authority() + ROOT + "/media/";
        if (id != null) {
            long number = requestId(ctx, format, id);
            if (number < 0) {
                return;
            }
            answer(ctx, format, () -> store.find(number), found -> {
                if (found.isEmpty()) {
                    error(ctx, format, 404, "There is no request " + id + ".");
                } else {
                    JsonArray list = new JsonArray().add(Representations.request(found.get(), mediaRoot));
                    send(ctx, format, 200, Formats.write(format, "service_requests", list));
                }
            });
            return;
        }
        RequestStore.Query query;
        try {
            query = query(ctx.queryParams());
        } catch (InvalidReport e) {
            error(ctx, format, 400, e.getMessage());
            return;
        }
        answer(ctx, format, () -> store.list(query), found -> {
            JsonArray list = new JsonArray();
            found.forEach(r -> list.add(Representations.request(r, mediaRoot)));
            send(ctx, format, 200, Formats.write(format, "service_requests", list));
        });
    }

    private static RequestStore.Query query(MultiMap params) {
        List<Long> ids = new ArrayList<>();
        String idList = params.get("service_request_id");
        if (idList != null && !idList.isBlank()) {
            for (String part : idList.split(",")) {
                try {
                    ids.add(Long.parseLong(part.trim()));
                } catch (NumberFormatException e) {
                    throw new InvalidReport(
                            "service_request_id",
                            "service_request_id is a comma-separated list of" + " request ids; '" + part.trim()
                                    + "' is not one.");
                }
            }
            if (ids.size() > MAX_IDS) {
                throw new InvalidReport("service_request_id", "Ask for at most " + MAX_IDS + " requests at once.");
            }
        }
        List<String> codes = list(params.get("service_code"));
        for (String code : codes) {
            if (Service.of(code).isEmpty()) {
                throw new InvalidReport("service_code", "There is no service " + code + ".");
            }
        }
        List<String> statuses = list(params.get("status"));
        for (String status : statuses) {
            if (!status.equals("open") && !status.equals("closed")) {
                throw new InvalidReport("status", "status is open or closed, not " + status + ".");
            }
        }
        Instant end = time(params.get("end_date"), "end_date", Instant.now().plusSeconds(1));
        Instant start = time(params.get("start_date"), "start_date", end.minus(DEFAULT_SPAN));
        if (!start.isBefore(end)) {
            throw new InvalidReport("start_date", "start_date must be before end_date.");
        }
        if (Duration.between(start, end).compareTo(DEFAULT_SPAN) > 0) {
            throw new InvalidReport("start_date", "Ask for at most 90 days at once.");
        }
        return new RequestStore.Query(ids, codes, start, end, statuses, MAX_RESULTS);
    }

    private static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    items.add(part.trim());
                }
            }
        }
        return items;
    }

    private static Instant time(String value, String name, Instant otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidReport(name, name + " must be a W3C date and time, e.g. 2026-11-30T10:00:00Z.");
        }
    }

    private void media(RoutingContext ctx) {
        String name = ctx.request().path().substring((ROOT + "/media/").length());
        UUID id;
        try {
            id = UUID.fromString(name.endsWith(".jpg") ? name.substring(0, name.length() - 4) : "-");
        } catch (IllegalArgumentException e) {
            error(ctx, "json", 404, "There is no photo " + name + ".");
            return;
        }
        answer(ctx, "json", () -> store.photo(id), photo -> {
            if (photo.isEmpty()) {
                error(ctx, "json", 404, "There is no photo " + name + ".");
            } else {
                ctx.response()
                        .putHeader("Content-Type", "image/jpeg")
                        .putHeader("Cache-Control", "public, max-age=86400")
                        .end(io.vertx.core.buffer.Buffer.buffer(photo.get()));
            }
        });
    }

    private void post(RoutingContext ctx) {
        String format = ctx.pathParam("format");
        if (!format.equals("json") && !format.equals("xml")) {
            error(ctx, "json", 404, "Post to requests.json or requests.xml.");
            return;
        }
        if (!jurisdiction(ctx, format)) {
            return;
        }
        String type = String.valueOf(ctx.request().getHeader("Content-Type"));
        if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) {
            error(
                    ctx,
                    format,
                    415,
                    "Post a report as a form (application/x-www-form-urlencoded), or as"
                            + " multipart/form-data with a photo in the field media.");
            return;
        }
        MultiMap form = ctx.request().formAttributes();
        // Reading the photo and drawing it again is work for a worker, never for the event loop.
        answer(ctx, format, () -> store.create(report(form, photo(ctx))), created -> {
            JsonArray list = new JsonArray()
                    .add(new JsonObject()
                            .put("service_request_id", Long.toString(created.id()))
                            .put("token", created.token().toString())
                            .put("service_notice", "Thank you. The operations centre has your report.")
                            .put("account_id", null));
            send(ctx, format, 201, Formats.write(format, "service_requests", list));
        });
    }

    private byte[] photo(RoutingContext ctx) {
        List<FileUpload> uploads = ctx.fileUploads();
        if (uploads.isEmpty()) {
            return null;
        }
        if (uploads.size() > 1 || !uploads.get(0).name().equals("media")) {
            throw new InvalidReport("media", "Send at most one photo, in the field media.");
        }
        try {
            return Files.readAllBytes(Path.of(uploads.get(0).uploadedFileName()));
        } catch (java.io.IOException e) {
            throw new InvalidReport("media", "The photo could not be read.");
        }
    }

    /** A report from the form's fields, checked; contact details kept apart. */
    NewRequest report(MultiMap form, byte[] photo) {
        Service service = Service.of(required(form, "service_code"))
                .orElseThrow(() -> new InvalidReport(
                        "service_code", "There is no service " + form.get("service_code") + "; see services.json."));
        double lat = number(form, "lat", -90, 90);
        double lon = number(form, "long", -180, 180);
        if (!bounds.contains(new city.mycity.citymodel.GeoPoint(lat, lon))) {
            throw new InvalidReport("lat", "The place (" + lat + ", " + lon + ") is outside the city.");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : form) {
            String name = field.getKey();
            if (name.startsWith("attribute[") && name.endsWith("]")) {
                attributes.put(name.substring("attribute[".length(), name.length() - 1), text(field.getValue(), name));
            }
        }
        for (String code : attributes.keySet()) {
            if (service.attributes().stream().noneMatch(a -> a.code().equals(code))) {
                throw new InvalidReport("attribute[" + code + "]", service.name() + " has no attribute " + code + ".");
            }
        }
        for (Service.Attribute a : service.attributes()) {
            String value = attributes.get(a.code());
            if (value == null && a.required()) {
                throw new InvalidReport(
                        "attribute[" + a.code() + "]",
                        service.name() + " needs attribute[" + a.code() + "]: " + a.description());
            }
            if (value != null
                    && !a.values().isEmpty()
                    && a.values().stream().noneMatch(v -> v.key().equals(value))) {
                throw new InvalidReport(
                        "attribute[" + a.code() + "]",
                        "attribute[" + a.code() + "] is one of "
                                + a.values().stream().map(Service.Value::key).toList() + ".");
            }
        }
        String email = optional(form, "email");
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new InvalidReport("email", "email is not an e-mail address.");
        }
        NewRequest.Contact contact = new NewRequest.Contact(
                email,
                optional(form, "first_name"),
                optional(form, "last_name"),
                optional(form, "phone"),
                optional(form, "device_id"),
                optional(form, "account_id"));
        return new NewRequest(
                service,
                lat,
                lon,
                optional(form, "address_string"),
                optional(form, "description"),
                attributes,
                contact.isEmpty() ? null : contact,
                photo == null ? null : photos.clean(photo));
    }

    private static String required(MultiMap form, String name) {
        String value = optional(form, name);
        if (value == null) {
            throw new InvalidReport(name, name + " is required.");
        }
        return value;
    }

    private static String optional(MultiMap form, String name) {
        String value = form.get(name);
        return value == null || value.isBlank() ? null : text(value.strip(), name);
    }

    private static String text(String value, String name) {
        if (value.length() > MAX_TEXT) {
            throw new InvalidReport(name, name + " is longer than " + MAX_TEXT + " characters.");
        }
        return value;
    }

    private static double number(MultiMap form, String name, double min, double max) {
        String value = required(form, name);
        try {
            double n = Double.parseDouble(value);
            if (!(n >= min && n <= max)) {
                throw new InvalidReport(name, name + " must be within " + min + " and " + max + ".");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidReport(name, name + " must be a number in decimal degrees (WGS 84).");
        }
    }

    private void changeStatus(RoutingContext ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            error(ctx, "json", 404, "There is no request " + ctx.pathParam("id") + ".");
            return;
        }
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            body = null;
        }
        if (body == null
                || !(body.getValue("status") instanceof String status)
                || !(status.equals("open") || status.equals("closed"))) {
            error(ctx, "json", 400, "Send {\"status\": \"open\" or \"closed\", \"status_notes\": \"...\"} as JSON.");
            return;
        }
        Object notes = body.getValue("status_notes");
        if (notes != null && (!(notes instanceof String n) || n.length() > MAX_TEXT)) {
            error(ctx, "json", 400, "status_notes is text of at most " + MAX_TEXT + " characters.");
            return;
        }
        String mediaRoot = ctx.request().scheme() + "://" + ctx.request().authority() + ROOT + "/media/";
        answer(
                ctx,
                "json",
                () -> store.update(id, status, (String) notes)
                        ? store.find(id)
                        : java.util.Optional.<ServiceRequest>empty(),
                found -> {
                    if (found.isEmpty()) {
                        error(ctx, "json", 404, "There is no request " + id + ".");
                    } else {
                        send(
                                ctx,
                                "json",
                                200,
                                Representations.request(found.get(), mediaRoot).encode());
                    }
                });
    }

    /** A jurisdiction, when given, must be this council's. */
    private boolean jurisdiction(RoutingContext ctx, String format) {
        String jurisdiction = ctx.request().getParam("jurisdiction_id");
        if (jurisdiction != null && !jurisdiction.equals(tenant)) {
            error(ctx, format, 404, "This endpoint serves the jurisdiction " + tenant + ", not " + jurisdiction + ".");
            return false;
        }
        return true;
    }

    private static long requestId(RoutingContext ctx, String format, String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            error(ctx, format, 404, "There is no request " + id + ".");
            return -1;
        }
    }

    private static <T> void answer(RoutingContext ctx, String format, Callable<T> work, Consumer<T> reply) {
        ctx.vertx()
                .executeBlocking(work, false)
                .onSuccess(result -> {
                    if (!ctx.response().ended() && !ctx.response().closed()) {
                        reply.accept(result);
                    }
                })
                .onFailure(e -> {
                    if (ctx.response().ended() || ctx.response().closed()) {
                        return;
                    }
                    if (e instanceof InvalidReport invalid) {
                        error(ctx, format, 400, invalid.getMessage());
                    } else {
                        ctx.fail(e);
                    }
                });
    }

    private static void send(RoutingContext ctx, String format, int status, String body) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", Formats.contentType(format))
                .putHeader("Cache-Control", "no-cache")
                .end(body);
    }

    /** An error: an RFC 9457 problem document, or in XML the errors element GeoReport v2 describes. */
    private static void error(RoutingContext ctx, String format, int status, String description) {
        if (format.equals("xml")) {
            JsonArray errors =
                    new JsonArray().add(new JsonObject().put("code", status).put("description", description));
            send(ctx, "xml", status, Formats.write("xml", "errors", errors));
        } else {
            Problems.send(ctx, status, title(status), description, null);
        }
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 415 -> "Unsupported Media Type";
            default -> "Error";
        };
    }
}
