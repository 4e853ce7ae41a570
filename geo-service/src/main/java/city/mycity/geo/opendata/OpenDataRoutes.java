package city.mycity.geo.opendata;

import city.mycity.geo.InvalidParameterException;
import city.mycity.geo.http.Problems;
import io.vertx.core.Context;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open-data catalogue ({@value #CATALOGUE}, DCAT in JSON-LD) and the downloads of its datasets ({@value
 * #DOWNLOADS}{@code {dataset}.csv} and {@code .geojson}, with {@code from} and {@code to} for the datasets that cover a
 * window of time), streamed.
 */
public final class OpenDataRoutes {

    public static final String CATALOGUE = "/api/v1/catalogue";
    public static final String DOWNLOADS = "/api/v1/opendata/";

    private static final Logger LOGGER = LoggerFactory.getLogger(OpenDataRoutes.class);

    /** Downloads that may run at once: each holds a worker thread and a database connection while it lasts. */
    static final int MAX_DOWNLOADS = 4;

    private final Catalogue catalogue;
    private final Downloads downloads;
    private final java.util.concurrent.Semaphore running = new java.util.concurrent.Semaphore(MAX_DOWNLOADS);

    public OpenDataRoutes(DataSource dataSource, String tenant, String council) {
        this.catalogue = new Catalogue(dataSource, tenant, council);
        this.downloads = new Downloads(dataSource, tenant);
    }

    public void mount(Router router) {
        router.get(CATALOGUE).handler(this::catalogue);
        router.get(DOWNLOADS + ":id").handler(this::download);
    }

    private void catalogue(RoutingContext ctx) {
        String root = ctx.request().scheme() + "://" + ctx.request().authority();
        ctx.vertx()
                .executeBlocking(() -> catalogue.build(root), false)
                .onSuccess(json -> ctx.response()
                        .putHeader("Content-Type", "application/ld+json")
                        .putHeader("Cache-Control", "max-age=60")
                        .end(json.encodePrettily()))
                .onFailure(ctx::fail);
    }

    private void download(RoutingContext ctx) {
        String file = ctx.pathParam("id");
        boolean geojson = file.endsWith(".geojson");
        if (!geojson && !file.endsWith(".csv")) {
            Problems.send(
                    ctx,
                    404,
                    "Not Found",
                    "Download a dataset as {dataset}.csv or {dataset}.geojson; the" + " catalogue at " + CATALOGUE
                            + " lists them.",
                    null);
            return;
        }
        String id = file.substring(0, file.lastIndexOf('.'));
        Optional<Dataset> found = Datasets.of(id);
        if (found.isEmpty() || (geojson && !found.get().geographic())) {
            Problems.send(
                    ctx,
                    404,
                    "Not Found",
                    "There is no dataset " + file + "; the catalogue at " + CATALOGUE + " lists them.",
                    null);
            return;
        }
        Dataset dataset = found.get();
        Instant to = time(ctx, "to", Instant.now());
        Instant from = time(ctx, "from", dataset.windowed() ? to.minus(dataset.window()) : Instant.EPOCH);
        if (dataset.windowed()) {
            if (!from.isBefore(to)) {
                throw new InvalidParameterException("from", "from must be before to.");
            }
            if (java.time.Duration.between(from, to).compareTo(dataset.maxWindow()) > 0) {
                throw new InvalidParameterException(
                        "from",
                        "One download covers at most " + dataset.maxWindow().toDays() + " days of " + dataset.id()
                                + "; ask for several.");
            }
        }
        if (!running.tryAcquire()) {
            ctx.response().putHeader("Retry-After", "10");
            Problems.send(
                    ctx,
                    503,
                    "Service Unavailable",
                    "Every download slot (" + MAX_DOWNLOADS + ") is busy: try" + " again in a few seconds.",
                    null);
            return;
        }
        ctx.response()
                .setChunked(true)
                .putHeader("Content-Type", geojson ? "application/geo+json" : "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .putHeader("Link", "<" + Catalogue.LICENCE + ">; rel=\"license\"")
                .putHeader("Cache-Control", "no-cache");
        Context context = ctx.vertx().getOrCreateContext();
        ChunkedSink sink = new ChunkedSink(ctx.response(), context);
        ctx.vertx()
                .executeBlocking(() -> downloads.write(dataset, from, to, geojson, sink), false)
                .onComplete(done -> running.release())
                .onFailure(e -> {
                    if (!(e instanceof ChunkedSink.ClientGone)) {
                        LOGGER.error("Download of {} failed", file, e);
                    }
                    sink.abort();
                });
    }

    private static Instant time(RoutingContext ctx, String name, Instant otherwise) {
        String value = ctx.request().getParam(name);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(
                    name, name + " must be an ISO 8601 time with an offset, e.g." + " 2026-11-30T00:00:00Z.");
        }
    }
}
