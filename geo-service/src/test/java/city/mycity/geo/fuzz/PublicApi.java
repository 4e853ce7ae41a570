package city.mycity.geo.fuzz;

import static city.mycity.geo.fuzz.Fakes.UNEXPECTED;
import static city.mycity.geo.fuzz.Fakes.fake;

import city.mycity.citymodel.City;
import city.mycity.geo.InvalidParameterException;
import city.mycity.geo.alerts.AlertQueries;
import city.mycity.geo.alerts.AlertRoutes;
import city.mycity.geo.bins.BinQueries;
import city.mycity.geo.bins.BinRoutes;
import city.mycity.geo.bins.RoundPlanning;
import city.mycity.geo.driving.DrivingTimes;
import city.mycity.geo.history.HistoryRoutes;
import city.mycity.geo.parking.FreeStreets;
import city.mycity.geo.parking.NearestParking;
import city.mycity.geo.parking.ParkingQueries;
import city.mycity.geo.parking.ParkingRoutes;
import city.mycity.geo.sensors.SensorQueries;
import city.mycity.geo.sensors.SensorRoutes;
import city.mycity.routing.road.RoadGraph;
import city.mycity.storage.history.ReadingHistory;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.sql.DataSource;

/**
 * The geo-service's public query routes, mounted as {@code GeoService} mounts them over a test town and a store that
 * holds nothing, and asked without a server: each request is answered, refused with 400 (an {@link
 * InvalidParameterException}, thrown or failed with), or fails with what would be a 500.
 */
final class PublicApi {

    /** What a request got. */
    sealed interface Answer permits Answered, Refused {}

    /** A 200 with this JSON body. */
    record Answered(JsonObject body) implements Answer {}

    /** A 400 for this parameter. */
    record Refused(InvalidParameterException problem) implements Answer {}

    private final Map<String, Handler<RoutingContext>> routes = new LinkedHashMap<>();

    PublicApi(City city) {
        Router router =
                fake(Router.class, (method, args) -> method.equals("get") ? route((String) args[0]) : UNEXPECTED);
        DataSource store = Fakes.emptyStore();
        String tenant = city.tenant();
        RoadGraph roads = RoadGraph.of(city);
        ParkingQueries parking = new ParkingQueries(store, tenant);
        new ParkingRoutes(
                        parking,
                        new NearestParking(parking, new FreeStreets(store, city), Optional.of(new DrivingTimes(roads))))
                .mount(router);
        new SensorRoutes(new SensorQueries(store, tenant), 500).mount(router);
        BinQueries bins = new BinQueries(store, city);
        new BinRoutes(bins, new RoundPlanning(bins, roads, city)).mount(router);
        new AlertRoutes(new AlertQueries(store, tenant)).mount(router);
        new HistoryRoutes(new ReadingHistory(store), tenant).mount(router);
    }

    private Route route(String path) {
        return fake(Route.class, (method, args) -> {
            if (!method.equals("handler")) {
                return UNEXPECTED;
            }
            @SuppressWarnings("unchecked")
            Handler<RoutingContext> handler = (Handler<RoutingContext>) args[0];
            routes.put(path, handler);
            return null;
        });
    }

    Set<String> paths() {
        return routes.keySet();
    }

    /**
     * Asks the route at {@code path} with the path parameter {@code id} and the query parameters.
     *
     * @throws Throwable what the request failed with, where a real server would answer 500
     */
    Answer ask(String path, String id, MultiMap query) throws Throwable {
        Handler<RoutingContext> handler = routes.get(path);
        if (handler == null) {
            throw new IllegalArgumentException("No route " + path + " among " + routes.keySet());
        }
        Exchange exchange = new Exchange();
        RoutingContext ctx = exchange.context(path, id, query);
        try {
            handler.handle(ctx);
        } catch (InvalidParameterException e) {
            return new Refused(e);
        }
        if (exchange.failure instanceof InvalidParameterException e) {
            return new Refused(e);
        }
        if (exchange.failure != null) {
            throw exchange.failure;
        }
        if (exchange.body == null) {
            throw new AssertionError("The route answered nothing and failed with nothing.");
        }
        return new Answered(new JsonObject(exchange.body));
    }

    /** One request and what it got: a body, or a failure handed to {@code ctx.fail}. */
    private static final class Exchange {
        String body;
        Throwable failure;

        RoutingContext context(String path, String id, MultiMap query) {
            HttpServerResponse[] response = new HttpServerResponse[1];
            response[0] = fake(HttpServerResponse.class, (method, args) -> switch (method) {
                case "ended" -> body != null;
                case "closed" -> false;
                case "putHeader", "setStatusCode", "closeHandler" -> response[0];
                case "end" -> {
                    body = (String) args[0];
                    yield Future.succeededFuture();
                }
                default -> UNEXPECTED;
            });
            HttpServerRequest request = fake(HttpServerRequest.class, (method, args) -> switch (method) {
                case "getHeader" -> null;
                case "method" -> HttpMethod.GET;
                case "path" -> path;
                default -> UNEXPECTED;
            });
            Vertx vertx = fake(
                    Vertx.class,
                    (method, args) -> method.equals("executeBlocking") ? now((Callable<?>) args[0]) : UNEXPECTED);
            return fake(RoutingContext.class, (method, args) -> switch (method) {
                case "queryParams" -> query;
                case "pathParam" -> id;
                case "vertx" -> vertx;
                case "request" -> request;
                case "response" -> response[0];
                case "fail" -> {
                    failure = args[0] instanceof Throwable t ? t : new AssertionError("failed with status " + args[0]);
                    yield null;
                }
                default -> UNEXPECTED;
            });
        }

        /** Runs the blocking query at once, on this thread. */
        private static Future<Object> now(Callable<?> query) {
            try {
                return Future.succeededFuture(query.call());
            } catch (Exception e) {
                return Future.failedFuture(e);
            }
        }
    }
}
