package city.mycity.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.citymodel.City;
import city.mycity.gateway.accounts.Account;
import city.mycity.gateway.accounts.Accounts;
import city.mycity.gateway.accounts.Role;
import city.mycity.gateway.accounts.Sessions;
import city.mycity.gateway.http.Authentication;
import city.mycity.geo.GeoService;
import city.mycity.geo.TestCity;
import city.mycity.geo.TestStore;
import city.mycity.storage.RefusalWriter;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opengis.cite.sta10.TestNGController;
import org.w3c.dom.Document;

/**
 * The OGC's SensorThings conformance suite (ets-sta10 1.5) against the real service on a real database: every level
 * (sensing core, create-update-delete, filtering) on a council whose sensors joined through the standard, and the
 * sensing core on a council's own registered devices and their readings.
 */
class SensorThingsConformanceIT {

    /**
     * The one test of the suite a service that keeps numbers as numbers cannot pass: it reads an Observation's
     * numeric result with org.json's getString, which refuses a number ("is not a string").
     */
    static final String RESULT_AS_STRING = "checkQueriesPriorityOrdering";

    private final HttpClient http = HttpClient.newHttpClient();
    private Vertx vertx;
    private TestStore store;
    private GeoService service;
    private BearerProxy proxy;

    @TempDir
    Path out;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (service != null) {
            service.close();
        }
        vertx.close().await();
        if (store != null) {
            store.close();
        }
    }

    @Test
    void every_level_passes_on_a_council_of_third_party_sensors() throws Exception {
        City partners = withoutDevices(TestCity.create("partners"));
        store = TestStore.withCity(partners);
        String root = serve(partners) + "/sta/v1.0";
        seed(root);

        Results results = run(root, 3);

        assertThat(results.total()).as("the suite's tests").isEqualTo(22);
        assertThat(results.failed()).as("failures: %s", results.failures()).containsExactly(RESULT_AS_STRING);
        assertThat(results.failures().get(0)).contains("is not a string");
        assertThat(results.passed()).isEqualTo(21);
    }

    @Test
    void the_sensing_core_passes_on_a_councils_own_devices_and_readings() throws Exception {
        City north = TestCity.create("north");
        store = TestStore.withCity(north);
        store.readingsForEveryDevice(2);
        String root = serve(north) + "/sta/v1.1";

        Results results = run(root, 1);

        assertThat(results.failed()).as("failures: %s", results.failures()).isEmpty();
        assertThat(results.passed()).isEqualTo(6);
    }

    /** The city's zones and streets, without its gateways, car parks and sensors (the registry shows those). */
    private static City withoutDevices(City city) {
        return new City(
                city.tenant(),
                city.name(),
                city.bounds(),
                city.zones(),
                city.streets(),
                List.of(),
                List.of(),
                List.of(),
                city.provenance());
    }

    /** Starts the service for the city, and a proxy that logs the suite in as an operator; the proxy's root. */
    private String serve(City city) throws Exception {
        Accounts accounts = new Accounts(store.dataSource());
        Account operator = accounts.create(
                "conformance test",
                city.tenant(),
                "operator@" + city.tenant(),
                Role.OPERATOR,
                "Operator",
                "correct horse battery staple");
        Sessions sessions = new Sessions(store.dataSource());
        String token = sessions.open(operator).token();
        service = GeoService.builder()
                .vertx(vertx)
                .city(city)
                .dataSource(store.dataSource())
                .port(0)
                .managementPort(0)
                .rateLimit(100_000)
                .writes(
                        store.dataSource(),
                        new Authentication(sessions).require(Role.OPERATOR),
                        new RefusalWriter(store.dataSource()))
                .build();
        service.start();
        proxy = BearerProxy.start(vertx, service.port(), token);
        return "http://127.0.0.1:" + proxy.port();
    }

    /** What the sensing-core level reads: a Thing with its Location, a Datastream and two Observations. */
    private void seed(String root) throws IOException, InterruptedException {
        String thing = post(root + "/Things", """
                {"name":"seed thing","description":"a rooftop station of the university","properties":{"k":"v"},
                 "Locations":[{"name":"seed location","description":"roof","encodingType":"application/vnd.geo+json",
                   "location":{"type":"Point","coordinates":[8.01,50.01]}}],
                 "Datastreams":[{"name":"seed datastream","description":"light",
                   "unitOfMeasurement":{"name":"Lumen","symbol":"lm","definition":"http://example.org/Lumen"},
                   "observationType":"http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement",
                   "ObservedProperty":{"name":"Luminous Flux","definition":"http://example.org/LuminousFlux",
                     "description":"light"},
                   "Sensor":{"name":"seed sensor","description":"photometer","encodingType":"application/pdf",
                     "metadata":"Light flux sensor"}}]}""");
        String datastreams = get(thing + "/Datastreams");
        Matcher id = Pattern.compile("\"@iot.id\":(\\d+)").matcher(datastreams);
        assertThat(id.find()).as(datastreams).isTrue();
        for (int day = 1; day <= 2; day++) {
            post(root + "/Datastreams(" + id.group(1) + ")/Observations", String.format("""
                    {"phenomenonTime":"2015-03-0%dT00:00:00.000Z","resultTime":"2015-03-0%dT00:00:00.000Z",
                     "result":%d}""", day, day, day));
        }
    }

    private String post(String url, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** What the suite found: its counts, and the names and messages of the tests that failed. */
    record Results(int total, int passed, List<String> failed, List<String> failures) {}

    private Results run(String root, int level) throws Exception {
        Path props = out.resolve("test-run-props.xml");
        // No DOCTYPE: the parser would fetch its DTD from the internet.
        Files.writeString(props, """
                <?xml version="1.0" encoding="UTF-8"?>
                <properties version="1.0">
                  <entry key="iut">%s</entry>
                  <entry key="ics">%d</entry>
                </properties>
                """.formatted(root, level));
        Document arguments =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(props.toFile());
        Path results = out.resolve("results");
        Files.createDirectories(results);
        javax.xml.transform.Source source = new TestNGController(results.toUri().toString()).doTestRun(arguments);
        Document report = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(URI.create(source.getSystemId()).toString());
        org.w3c.dom.Element top = report.getDocumentElement();
        List<String> failed = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        org.w3c.dom.NodeList methods = report.getElementsByTagName("test-method");
        for (int i = 0; i < methods.getLength(); i++) {
            org.w3c.dom.Element m = (org.w3c.dom.Element) methods.item(i);
            if (!"true".equals(m.getAttribute("is-config")) && "FAIL".equals(m.getAttribute("status"))) {
                failed.add(m.getAttribute("name"));
                failures.add(m.getAttribute("name") + ": " + m.getTextContent().strip());
            }
        }
        return new Results(
                Integer.parseInt(top.getAttribute("total")),
                Integer.parseInt(top.getAttribute("passed")),
                failed,
                failures);
    }
}
