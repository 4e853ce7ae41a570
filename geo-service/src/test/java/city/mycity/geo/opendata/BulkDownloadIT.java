package city.mycity.geo.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.geo.GeoService;
import city.mycity.geo.TestCity;
import city.mycity.geo.TestStore;
import io.vertx.core.Vertx;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A million readings download through the service in a JVM whose heap is far smaller than the download (the
 * geo-service module runs this test with -Xmx64m, see its pom): had the service gathered the rows or the file in
 * memory, it would have run out of it.
 */
class BulkDownloadIT {

    private static final int ROWS = 1_000_000;

    private static TestStore store;
    private static Vertx vertx;
    private static GeoService service;

    @BeforeAll
    static void start() throws Exception {
        store = TestStore.withCity(TestCity.create("north"));
        try (Connection c = store.dataSource().getConnection();
                Statement s = c.createStatement()) {
            // A million bay readings, every 30 seconds per bay, within the last three weeks.
            s.execute("INSERT INTO reading (tenant_id, device_id, quantity, time, value, unit, seq, received_at)"
                    + " SELECT d.tenant_id, d.id, 'occupied', now() - interval '21 days' + (n / b.count) * interval"
                    + " '30 seconds', n % 2, '/', n, now() FROM generate_series(0, " + (ROWS - 1) + ") n"
                    + " CROSS JOIN (SELECT count(*) AS count FROM device WHERE kind = 'parking-bay') b"
                    + " JOIN LATERAL (SELECT tenant_id, id FROM device WHERE kind = 'parking-bay' ORDER BY id"
                    + " OFFSET (n % b.count) LIMIT 1) d ON true");
        }
        vertx = Vertx.vertx();
        service = GeoService.builder()
                .vertx(vertx)
                .city(TestCity.create("north"))
                .dataSource(store.dataSource())
                .port(0)
                .managementPort(0)
                .build();
        service.start();
    }

    @AfterAll
    static void stop() {
        service.close();
        vertx.close().await();
        store.close();
    }

    @Test
    void a_million_rows_stream_through_a_heap_smaller_than_the_download() throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port()
                                        + "/api/v1/opendata/readings-parking-bay.csv?from="
                                        + java.time.Instant.now().minus(java.time.Duration.ofDays(22)) + "&to="
                                        + java.time.Instant.now().plusSeconds(60)))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        long lines = 0;
        byte[] chunk = new byte[64 * 1024];
        try (InputStream in = response.body()) {
            for (int n; (n = in.read(chunk)) > 0; ) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        long peak = peakHeapUsed();

        System.out.printf(
                "BulkDownloadIT: %,d rows, %,d bytes through a heap of at most %,d bytes (peak use %,d)%n",
                lines - 1, bytes, maxHeap, peak);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(lines).isEqualTo(ROWS + 1);
        assertThat(maxHeap).as("run with a heap smaller than the download").isLessThan(bytes);
        assertThat(peak).isLessThan(maxHeap);
    }

    private static long peakHeapUsed() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
