package city.mycity.launcher;

import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.CityModels;
import city.mycity.citymodel.Sensor;
import city.mycity.codec.PayloadDecoders;
import city.mycity.dashboard.Dashboard;
import city.mycity.edge.EdgeAgent;
import city.mycity.embedded.EmbeddedBroker;
import city.mycity.embedded.EmbeddedBrokerBuilder;
import city.mycity.embedded.EmbeddedDatabase;
import city.mycity.embedded.internal.TempFolders;
import city.mycity.gateway.accounts.Role;
import city.mycity.gateway.accounts.oidc.OidcSettings;
import city.mycity.gateway.http.OperatorApi;
import city.mycity.gateway.ingress.http.IngressHttpServer;
import city.mycity.gateway.refusals.EdgeRefusalCollector;
import city.mycity.geo.GeoService;
import city.mycity.metrics.Descriptions;
import city.mycity.settings.Settings;
import city.mycity.simulator.Simulator;
import city.mycity.simulator.fault.FaultProfile;
import city.mycity.simulator.frames.VendorProfiles;
import city.mycity.simulator.transport.coap.CoapDeviceLink;
import city.mycity.storage.RefusalWriter;
import city.mycity.stream.ReadingsJob;
import city.mycity.stream.StreamSettings;
import city.mycity.stream.alerts.AlertingJob;
import city.mycity.stream.alerts.Domain;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform in one JVM: broker and database (embedded unless configured), the Flink job on a local
 * MiniCluster, the geo-service with the dashboard, the edge agent and a simulated city sending to it over CoAP.
 */
public final class Demo implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(Demo.class);

    private final Shutdown shutdown;
    private final CityModel city;
    private final int httpPort;

    private final int managementPort;

    private Demo(Shutdown shutdown, CityModel city, int httpPort, int managementPort) {
        this.managementPort = managementPort;
        this.shutdown = shutdown;
        this.city = city;
        this.httpPort = httpPort;
    }

    /** Starts every part and returns once the dashboard is served; on failure, stops what had started. */
    public static Demo start(DemoOptions options, Settings settings, PrintStream out) {
        long began = System.nanoTime();
        Shutdown shutdown = new Shutdown();
        try {
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            metrics.config().meterFilter(Descriptions.filter());
            Metrics.addRegistry(metrics);
            shutdown.add("metrics", () -> Metrics.removeRegistry(metrics));

            CityModel city = options.osm() == null
                    ? CityModels.generated(options.seed())
                    : CityModels.openStreetMap(options.osm());
            out.printf(
                    "City: %s (tenant %s): %d zones, %d car parks, %d sensors%n",
                    city.name(),
                    city.tenant(),
                    city.zones().size(),
                    city.carParks().size(),
                    city.sensors().size());

            DatabaseEndpoint database = startDatabase(settings, shutdown, out);
            DataSource dataSource = Storage.prepare(database, city, settings, shutdown, out);
            BrokerEndpoint broker = startBroker(settings, dataSource, shutdown, out);
            DataSource readOnly = Storage.reader(database, dataSource, city.tenant(), shutdown, out);
            DataSource registry = Storage.registry(database, dataSource, shutdown, out);
            java.util.Optional<String> adminLogin = DemoAdmin.create(dataSource, city);
            java.util.Optional<String> crewLogin = DemoAdmin.createCrew(dataSource, city);
            startStreamJob(jobSettings(settings, broker, database), shutdown);
            startRefusalCollector(dataSource, broker, shutdown);

            Vertx vertx = Vertx.vertx();
            shutdown.add("vert.x", () -> vertx.close().await());
            OperatorApi operators = operatorApi(registry, settings);
            GeoService geo = shutdown.add(
                    "geo-service",
                    GeoService.builder()
                            .vertx(vertx)
                            .city(city)
                            .baseMap(CityModels.baseMap(city, options.osm()))
                            .dataSource(readOnly)
                            .port(Ports.tcpOrAny(settings.get(LauncherSettings.HTTP_PORT)))
                            .managementPort(Ports.tcpOrAny(settings.get(LauncherSettings.MANAGEMENT_PORT)))
                            .meterRegistry(metrics)
                            .operations(operators::mount)
                            // Operators add third parties' sensors through SensorThings, as the registry's role.
                            .writes(registry, operators.operatorGuard(), new RefusalWriter(dataSource))
                            // Refuse crews see their day's round and report their stops, as the registry's role.
                            .crews(registry, operators.guard(Role.CREW))
                            .timeZone(cityTimeZone(settings))
                            .mount("/*", Dashboard.router(vertx))
                            .build());
            int httpPort = geo.start();
            java.util.concurrent.atomic.AtomicInteger ingressCoapPort = new java.util.concurrent.atomic.AtomicInteger();
            IngressHttpServer ingress = broker.direct() == null
                    ? null
                    : DemoIngress.start(
                            vertx,
                            dataSource,
                            broker.url(),
                            broker.direct(),
                            settings.get(LauncherSettings.INGRESS_PORT),
                            settings.get(LauncherSettings.INGRESS_COAP_PORT),
                            ingressCoapPort::set,
                            metrics,
                            shutdown);

            DemoSensorKeys keys = DemoSensorKeys.issue(dataSource, city);
            Path edgeFolder = TempFolders.create(null, "mycity-demo-edge-");
            shutdown.add("edge folder", () -> TempFolders.deleteRecursively(edgeFolder));
            Path keysFile = edgeFolder.resolve("device-keys.conf");
            try {
                shutdown.add("keys export", DemoKeysExport.start(dataSource, city.tenant(), keysFile));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Could not write the sensor keys file " + keysFile, e);
            }
            EdgeAgent edge =
                    startEdgeAgent(city, broker, keysFile, edgeFolder.resolve("outbox.db"), settings, shutdown);
            startSimulator(city, options, edge.coapPort(), keys, shutdown);

            out.printf(
                    "Edge agent: coaps://127.0.0.1:%d/up/{device} (DTLS, a key per sensor; durable outbox)"
                            + "   Metrics: http://localhost:%d/metrics%n",
                    edge.coapPort(), geo.managementPort());
            out.printf("Sensor keys (for coap-client-openssl; removed at stop): %s%n", keysFile);
            if (ingress != null) {
                out.printf(
                        "Direct ingress (devices without a gateway): https://localhost:%d/ingress/v1/up/{device}"
                                + " (self-signed) and coaps://127.0.0.1:%d/up/{device}, with the device's credential%n",
                        ingress.port(), ingressCoapPort.get());
            }
            out.printf("Started in %.1f s. Press Ctrl-C to stop.%n", (System.nanoTime() - began) / 1e9);
            out.printf("MyCity (public): http://localhost:%d/%n", httpPort);
            adminLogin.ifPresent(password -> out.printf(
                    "Operations centre: http://localhost:%d/ops/, user %s, password %s (shown this once)%n",
                    httpPort, DemoAdmin.username(city), password));
            crewLogin.ifPresent(password -> out.printf(
                    "Refuse crew's round: http://localhost:%d/crew/, user %s, password %s (shown this once)%n",
                    httpPort, DemoAdmin.crewUsername(city), password));
            out.flush();
            return new Demo(shutdown, city, httpPort, geo.managementPort());
        } catch (RuntimeException | Error e) {
            shutdown.close();
            throw e;
        }
    }

    /** The city's time zone: the stream job's setting, or this machine's, on whose clock the simulated city lives. */
    private static ZoneId cityTimeZone(Settings settings) {
        return settings.isSet(StreamSettings.TIME_ZONE)
                ? settings.get(StreamSettings.TIME_ZONE)
                : ZoneId.systemDefault();
    }

    /** The demo's settings with the broker and database it actually uses, for the stream job. */
    private static Settings jobSettings(Settings settings, BrokerEndpoint broker, DatabaseEndpoint database) {
        Settings job = settings.with(LauncherSettings.MQTT_URL.key(), broker.url())
                .with(LauncherSettings.JDBC_URL.key(), database.jdbcUrl());
        job = withOptional(job, LauncherSettings.MQTT_USERNAME.key(), broker.username());
        job = withOptional(job, LauncherSettings.MQTT_PASSWORD.key(), broker.password());
        if (!settings.isSet(StreamSettings.TIME_ZONE)) {
            // The simulated city lives on this machine's clock, and so do its car parks' daily profiles.
            job = job.with(
                    StreamSettings.TIME_ZONE.key(), ZoneId.systemDefault().getId());
        }
        job = withOptional(job, LauncherSettings.DB_USER.key(), database.user());
        return withOptional(job, LauncherSettings.DB_PASSWORD.key(), database.password());
    }

    private static Settings withOptional(Settings settings, String key, String value) {
        return value == null ? settings : settings.with(key, value);
    }

    private static BrokerEndpoint startBroker(
            Settings settings, DataSource registry, Shutdown shutdown, PrintStream out) {
        if (settings.isSet(LauncherSettings.MQTT_URL)) {
            String url = settings.get(LauncherSettings.MQTT_URL);
            out.printf("MQTT broker: %s (MYCITY_MQTT_URL)%n", Settings.redact(url));
            return new BrokerEndpoint(
                    url,
                    settings.find(LauncherSettings.MQTT_USERNAME).orElse(null),
                    settings.find(LauncherSettings.MQTT_PASSWORD).orElse(null),
                    false);
        }
        // Accounts and topic rights come from the registry: the stream jobs log in as the ingest service, the demo's
        // one edge agent (serving every gateway of the town) as the bridge service, a real gateway with its own.
        DemoBrokerAccounts accounts = DemoBrokerAccounts.issue(registry, shutdown);
        EmbeddedBrokerBuilder builder = EmbeddedBroker.builder()
                .port(1883)
                .maxQueuedMessages(settings.get(LauncherSettings.BROKER_MAX_QUEUED))
                .accessControl(accounts.accessControl());
        if (settings.isSet(LauncherSettings.MQTT_USERNAME) && settings.isSet(LauncherSettings.MQTT_PASSWORD)) {
            // The operator's own account, with every topic, e.g. to publish with mosquitto_pub.
            builder.user(settings.get(LauncherSettings.MQTT_USERNAME), settings.get(LauncherSettings.MQTT_PASSWORD));
        }
        EmbeddedBroker broker = shutdown.add("embedded broker", builder.start());
        out.printf(
                "MQTT broker: embedded HiveMQ CE at %s (accounts from the registry: ./mycity credentials issue)%n",
                broker.url());
        return new BrokerEndpoint(
                broker.url(),
                accounts.ingest().identity(),
                accounts.ingest().secret(),
                accounts.bridge().identity(),
                accounts.bridge().secret(),
                accounts.direct(),
                true);
    }

    private static DatabaseEndpoint startDatabase(Settings settings, Shutdown shutdown, PrintStream out) {
        if (settings.isSet(LauncherSettings.JDBC_URL)) {
            String url = settings.get(LauncherSettings.JDBC_URL);
            out.printf("Database: %s (MYCITY_JDBC_URL)%n", Settings.redact(url));
            return new DatabaseEndpoint(
                    url,
                    settings.find(LauncherSettings.DB_USER).orElse(null),
                    settings.find(LauncherSettings.DB_PASSWORD).orElse(null),
                    false);
        }
        EmbeddedDatabase database =
                // Stopped last, by the demo's own shutdown, after the jobs that write to it.
                shutdown.add(
                        "embedded database",
                        EmbeddedDatabase.builder().stopOnExit(false).start());
        out.printf("Database: embedded PostgreSQL at %s%n", database.jdbcUrl());
        return new DatabaseEndpoint(database.jdbcUrl(), database.user(), database.password(), true);
    }

    /** The operators' API, with the council's OpenID Connect provider when one is configured. */
    private static OperatorApi operatorApi(DataSource registry, Settings settings) {
        OperatorApi api = OperatorApi.on(registry);
        return OidcSettings.from(settings).map(api::oidc).orElse(api);
    }

    /** What the edge agents refused, into the refusal store (as the stream jobs' account: it reads the gateways). */
    private static void startRefusalCollector(DataSource store, BrokerEndpoint broker, Shutdown shutdown) {
        try {
            shutdown.add(
                    "refusal collector",
                    EdgeRefusalCollector.start(store, broker.url(), broker.username(), broker.password()));
        } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
            throw new IllegalStateException("The refusal collector could not reach the broker: " + e.getMessage(), e);
        }
    }

    private static void startStreamJob(Settings settings, Shutdown shutdown) {
        StreamExecutionEnvironment env =
                ReadingsJob.configure(StreamExecutionEnvironment.createLocalEnvironment(), settings);
        try {
            // On a cluster each job runs on its own; here they share one MiniCluster, so one job graph holds them.
            ReadingsJob.fromSettings(settings).build(env);
            for (Domain domain : Domain.values()) {
                AlertingJob.fromSettings(domain, settings).build(env);
            }
            JobClient job = env.executeAsync("mycity-demo");
            shutdown.add("stream job", () -> cancelAndWait(job));
            LOGGER.info(
                    "Flink jobs (readings, {}) running on a local MiniCluster as {}",
                    java.util.Arrays.toString(Domain.values()),
                    job.getJobID());
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the Flink job: " + e.getMessage(), e);
        }
    }

    /** Cancels the job and waits until it has stopped, so that no reader outlives the broker it reads. */
    private static void cancelAndWait(JobClient job) throws Exception {
        job.cancel().get(30, TimeUnit.SECONDS);
        try {
            job.getJobExecutionResult().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException cancelled) {
            LOGGER.debug(
                    "Flink job {} stopped: {}",
                    job.getJobID(),
                    cancelled.getCause().toString());
        }
    }

    private static EdgeAgent startEdgeAgent(
            CityModel city, BrokerEndpoint broker, Path keysFile, Path outbox, Settings settings, Shutdown shutdown) {
        Map<String, String> gatewayOf =
                city.sensors().stream().collect(Collectors.toUnmodifiableMap(Sensor::id, Sensor::gateway));
        String anyGateway = city.gateways().get(0).id();
        Function<String, String> lookup = device -> gatewayOf.getOrDefault(device, anyGateway);
        EdgeAgent.Builder edge = EdgeAgent.builder()
                .tenant(city.tenant())
                .gateway(anyGateway)
                .gatewayOf(lookup)
                // As a gateway runs it: DTLS with a key per sensor, the vendor codec each sensor's profile names, and
                // readings kept in a durable outbox (in a folder of the demo's own, removed when it stops) until the
                // broker has them. Loopback only.
                .coapHost("127.0.0.1")
                .decoders(PayloadDecoders.withProfiles(VendorProfiles.of(city)))
                .deviceKeysFile(keysFile)
                .outbox(outbox)
                .coapPort(settings.get(LauncherSettings.COAP_PORT))
                .fallBackToFreePort(true)
                .mqttUrl(broker.url());
        if (broker.edgeUsername() != null) {
            edge.mqttUsername(broker.edgeUsername()).mqttPassword(broker.edgePassword());
        }
        return shutdown.add("edge agent", edge.build().start());
    }

    private static void startSimulator(
            CityModel city, DemoOptions options, int coapPort, DemoSensorKeys keys, Shutdown shutdown) {
        CoapDeviceLink link = shutdown.add(
                "CoAP device link",
                CoapDeviceLink.builder("127.0.0.1", coapPort)
                        .dtls(keys::key)
                        .maxOpenSessions(512)
                        .build());
        Instant now = Instant.now();
        Instant start = options.speed() > 1 ? now.minus(Duration.ofDays(1)) : now;
        Simulator simulator = shutdown.add(
                "simulator",
                Simulator.builder()
                        .city(city)
                        .seed(options.seed())
                        .timeZone(ZoneId.systemDefault())
                        .start(start)
                        .speed(options.speed())
                        .faults(options.faults() ? FaultProfile.demo() : FaultProfile.none())
                        .vendorFrames(VendorProfiles.of(city))
                        .link(link)
                        .build());
        simulator.start();
    }

    public CityModel city() {
        return city;
    }

    /** The port of {@code /metrics} and {@code /health}, on loopback. */
    public int managementPort() {
        return managementPort;
    }

    public int httpPort() {
        return httpPort;
    }

    @Override
    public void close() {
        shutdown.close();
    }
}
