package city.mycity.dashboard;

import city.mycity.citymodel.CarPark;
import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.CityModels;
import city.mycity.geo.GeoService;
import city.mycity.geo.TestStore;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Random;

/**
 * Serves the dashboard and the geo-service over a fresh test database with some occupancy, for looking at the page
 * by hand: {@code java -cp ... city.mycity.dashboard.DashboardDemo [port [osm-file]]} (a generated town, seed 42,
 * without a file). Stop it with Ctrl-C.
 */
public final class DashboardDemo implements AutoCloseable {

    private final TestStore store;
    private final Vertx vertx;
    private final GeoService service;
    private final int port;

    private DashboardDemo(CityModel city, int port) throws Exception {
        store = TestStore.withCity(city);
        Random random = new Random(7);
        int i = 0;
        for (CarPark cp : city.carParks()) {
            if (i++ % 7 != 6) { // every seventh car park has no data yet
                int occupied = random.nextInt(cp.capacity() + 1);
                if (i % 5 == 0) {
                    occupied = cp.capacity();
                }
                store.carParkOccupancy(cp.id(), occupied, cp.capacity());
            }
        }
        city.sensors().stream()
                .filter(s -> s.site() == null && s.kind().code().equals("parking-bay"))
                .forEach(s -> {
                    try {
                        store.sensorState(s.id(), "occupied", random.nextInt(2), "/");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        vertx = Vertx.vertx();
        service = GeoService.builder()
                .vertx(vertx)
                .city(city)
                .dataSource(store.dataSource())
                .port(port)
                .mount("/*", Dashboard.router(vertx))
                .build();
        this.port = service.start();
    }

    public static DashboardDemo start(CityModel city, int port) throws Exception {
        return new DashboardDemo(city, port);
    }

    public int port() {
        return port;
    }

    public TestStore store() {
        return store;
    }

    @Override
    public void close() throws Exception {
        service.close();
        vertx.close().await();
        store.close();
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        CityModel city = args.length > 1 ? CityModels.openStreetMap(Path.of(args[1])) : CityModels.generated(42);
        DashboardDemo demo = start(city, port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                demo.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        System.out.println("Dashboard at http://localhost:" + demo.port() + "/");
    }
}
