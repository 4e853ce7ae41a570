package city.mycity.gateway.http;

import city.mycity.gateway.accounts.Accounts;
import city.mycity.gateway.accounts.Sessions;
import city.mycity.gateway.accounts.http.AccountRoutes;
import city.mycity.gateway.accounts.http.SessionRoutes;
import city.mycity.gateway.accounts.oidc.OidcLogin;
import city.mycity.gateway.accounts.oidc.OidcSettings;
import city.mycity.gateway.alerts.AlertStore;
import city.mycity.gateway.credentials.Credentials;
import city.mycity.gateway.credentials.http.CredentialRoutes;
import city.mycity.gateway.operations.AlertQueue;
import city.mycity.gateway.operations.GatewayBoard;
import city.mycity.gateway.operations.OperationsSettings;
import city.mycity.gateway.operations.SensorMap;
import city.mycity.gateway.operations.http.OperationsRoutes;
import city.mycity.gateway.provisioning.DeviceImport;
import city.mycity.gateway.provisioning.http.ImportRoutes;
import city.mycity.gateway.refusals.RefusalStore;
import city.mycity.gateway.refusals.http.RefusalRoutes;
import city.mycity.gateway.registry.Devices;
import city.mycity.gateway.registry.Gateways;
import city.mycity.gateway.registry.http.DeviceRoutes;
import city.mycity.gateway.registry.http.GatewayRoutes;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The operators' HTTP API: login and logout ({@code /api/v1/session}), the device registry
 * ({@code /api/v1/registry/devices}, bulk provisioning at {@code .../import}), accounts ({@code /api/v1/accounts}) and
 * the operations centre ({@code /api/v1/ops}), each route for a role of the council the account belongs to. Mount it on a router that already limits the request rate (the geo-service's, through its
 * builder's {@code operations(api::mount)}).
 *
 * <pre>{@code
 * OperatorApi api = OperatorApi.on(writerDataSource).secureCookies(true);
 * GeoService.builder() ... .operations(api::mount)
 * }</pre>
 */
public final class OperatorApi {

    /** By default, a request body is at most 64 KiB. */
    public static final long DEFAULT_BODY_LIMIT = 64 * 1024;

    /** Where the API's routes are: everything else is left to the routers after it. */
    private static final String[] PATHS = {
        SessionRoutes.PATH, AccountRoutes.PATH + "*", "/api/v1/registry/*", OperationsRoutes.PATH + "/*"
    };

    private final DataSource dataSource;
    private final boolean secureCookies;
    private final OidcSettings oidc;
    private final OperationsSettings operations;

    private OperatorApi(
            DataSource dataSource, boolean secureCookies, OidcSettings oidc, OperationsSettings operations) {
        this.dataSource = dataSource;
        this.secureCookies = secureCookies;
        this.oidc = oidc;
        this.operations = operations;
    }

    /**
     * People may also log in through the council's OpenID Connect provider ({@code GET /api/v1/session/oidc}). By
     * default, none: logins by password only.
     */
    public OperatorApi oidc(OidcSettings settings) {
        return new OperatorApi(dataSource, secureCookies, settings, operations);
    }

    /**
     * The operations centre's thresholds (offline, low battery, backlog). By default, {@link
     * OperationsSettings#defaults()}.
     */
    public OperatorApi operations(OperationsSettings settings) {
        return new OperatorApi(
                dataSource,
                secureCookies,
                oidc,
                Objects.requireNonNull(settings, "Operations settings must not be null."));
    }

    /** The API on the registry's database (an account that may write rows), with secure cookies. */
    public static OperatorApi on(DataSource dataSource) {
        return new OperatorApi(
                Objects.requireNonNull(dataSource, "Data source must not be null."),
                true,
                null,
                OperationsSettings.defaults());
    }

    /**
     * Whether the session cookie is {@code Secure} (sent over HTTPS only; browsers also send it to
     * {@code http://localhost}). By default, true: turn it off only behind plain HTTP on another host name.
     */
    public OperatorApi secureCookies(boolean secure) {
        return new OperatorApi(dataSource, secure, oidc, operations);
    }

    /**
     * A handler that lets a request through only for a logged-in operator (session cookie with its CSRF token, or a
     * Bearer token): for the routes of other modules that operators use, e.g. SensorThings' writes.
     */
    public io.vertx.core.Handler<io.vertx.ext.web.RoutingContext> operatorGuard() {
        return guard(city.mycity.gateway.accounts.Role.OPERATOR);
    }

    /**
     * A handler that lets a request through only for a logged-in account with at least {@code role}, for the routes of
     * other modules: it leaves the account's name, council and role in the context under {@link
     * Authentication#ACCOUNT}, {@link Authentication#COUNCIL} and {@link Authentication#ROLE} (plain strings, so that
     * those modules need not depend on this one).
     */
    public io.vertx.core.Handler<io.vertx.ext.web.RoutingContext> guard(city.mycity.gateway.accounts.Role role) {
        return new Authentication(new Sessions(dataSource)).require(role);
    }

    /** Adds the API's routes to the router. */
    public void mount(Router router) {
        Accounts accounts = new Accounts(dataSource);
        Sessions sessions = new Sessions(dataSource);
        Authentication authentication = new Authentication(sessions);
        // The import reads a larger body of its own.
        new ImportRoutes(new DeviceImport(dataSource), authentication).mount(router);
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(DEFAULT_BODY_LIMIT);
        for (String path : PATHS) {
            router.route(path).handler(bodies);
        }
        SessionRoutes sessionRoutes = new SessionRoutes(accounts, sessions, authentication, secureCookies);
        if (oidc != null) {
            sessionRoutes.withOidc(new OidcLogin(oidc, dataSource));
        }
        sessionRoutes.mount(router);
        new AccountRoutes(accounts, authentication).mount(router);
        new CredentialRoutes(new Credentials(dataSource), authentication).mount(router);
        new RefusalRoutes(new RefusalStore(dataSource), authentication).mount(router);
        new GatewayRoutes(new Gateways(dataSource), authentication).mount(router);
        new DeviceRoutes(new Devices(dataSource), authentication).mount(router);
        new OperationsRoutes(
                        new SensorMap(dataSource, operations),
                        new AlertQueue(dataSource, operations),
                        new AlertStore(dataSource),
                        new GatewayBoard(dataSource, operations),
                        authentication)
                .mount(router);
        for (String path : PATHS) {
            router.route(path)
                    .handler(ctx -> Replies.problem(
                            ctx,
                            ctx.request().method().name().equals("GET") ? 404 : 405,
                            "no-such-operation",
                            "Not Found or Method Not Allowed",
                            "No operation " + ctx.request().method() + " "
                                    + ctx.request().path() + ".",
                            null));
        }
    }
}
