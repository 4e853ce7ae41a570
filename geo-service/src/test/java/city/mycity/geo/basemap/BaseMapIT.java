package city.mycity.geo.basemap;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.CityModels;
import city.mycity.geo.GeoService;
import city.mycity.geo.TestStore;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The base map and its glyphs, served by the platform for the generated town. */
class BaseMapIT {

    private static TestStore store;
    private static Vertx vertx;
    private static GeoService service;
    private static WebClient client;

    @BeforeAll
    static void start() throws Exception {
        CityModel town = CityModels.generated(42);
        store = TestStore.withCity(town);
        vertx = Vertx.vertx();
        service = GeoService.builder()
                .vertx(vertx)
                .city(town)
                .baseMap(CityModels.baseMap(town, null))
                .dataSource(store.dataSource())
                .port(0)
                .managementPort(0)
                .build();
        service.start();
        client = WebClient.create(
                vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(service.port()));
    }

    @AfterAll
    static void stop() {
        client.close();
        service.close();
        vertx.close().await();
        store.close();
    }

    @Test
    void serves_roads_with_their_class_and_name_and_the_areas_beneath_them() {
        JsonObject roads = get("/api/v1/basemap/roads.geojson");
        JsonObject buildings = get("/api/v1/basemap/buildings.geojson");
        JsonObject water = get("/api/v1/basemap/water.geojson");
        JsonObject green = get("/api/v1/basemap/green.geojson");

        JsonObject road = roads.getJsonArray("features").getJsonObject(0);
        assertThat(road.getJsonObject("properties").getString("class")).isNotBlank();
        assertThat(roads.getJsonArray("features").stream()
                        .map(f -> ((JsonObject) f).getJsonObject("properties").getString("name")))
                .anyMatch(name -> name != null && !name.isBlank());
        assertThat(buildings.getJsonArray("features")).hasSizeGreaterThan(200);
        assertThat(buildings
                        .getJsonArray("features")
                        .getJsonObject(0)
                        .getJsonObject("geometry")
                        .getString("type"))
                .isEqualTo("Polygon");
        assertThat(water.getJsonArray("features")).hasSize(2);
        assertThat(green.getJsonArray("features")
                        .getJsonObject(0)
                        .getJsonObject("properties")
                        .getString("name"))
                .isEqualTo("Town Park");
    }

    @Test
    void serves_the_glyphs_labels_are_drawn_with() {
        HttpResponse<Buffer> latin = client.get("/api/v1/basemap/glyphs/DejaVu%20Sans/0-255.pbf")
                .send()
                .await();
        HttpResponse<Buffer> stack = client.get("/api/v1/basemap/glyphs/DejaVu%20Sans%20Bold,Arial/256-511.pbf")
                .send()
                .await();
        HttpResponse<Buffer> unknown = client.get("/api/v1/basemap/glyphs/Comic%20Sans/0-255.pbf")
                .send()
                .await();
        HttpResponse<Buffer> badRange = client.get("/api/v1/basemap/glyphs/DejaVu%20Sans/7-300.pbf")
                .send()
                .await();

        assertThat(latin.statusCode()).isEqualTo(200);
        assertThat(latin.getHeader("Content-Type")).isEqualTo("application/x-protobuf");
        byte[] pbf = latin.body().getBytes();
        // glyphs { stacks = 1 { name = 1, range = 2, glyphs = 3 ... } }
        assertThat(pbf[0]).isEqualTo((byte) 0x0A);
        String text = new String(pbf, StandardCharsets.ISO_8859_1);
        assertThat(text).contains("DejaVu Sans", "0-255");
        assertThat(pbf.length)
                .as("95 printable ASCII glyphs and more, with their distance fields")
                .isGreaterThan(50_000);
        assertThat(stack.statusCode()).isEqualTo(200);
        assertThat(new String(stack.body().getBytes(), StandardCharsets.ISO_8859_1))
                .contains("256-511");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(badRange.statusCode()).isEqualTo(404);
    }

    private static JsonObject get(String path) {
        HttpResponse<Buffer> response = client.get(path).send().await();
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).isEqualTo("application/geo+json");
        return response.bodyAsJsonObject();
    }
}
