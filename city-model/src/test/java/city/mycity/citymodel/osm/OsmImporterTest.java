package city.mycity.citymodel.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.citymodel.CarPark;
import city.mycity.citymodel.City;
import city.mycity.citymodel.GeoPoint;
import city.mycity.citymodel.RoadClass;
import city.mycity.citymodel.Street;
import city.mycity.citymodel.exception.CityImportException;
import city.mycity.citymodel.placement.PlacementPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsmImporterTest {

    @TempDir
    Path dir;

    private City importSmallTown(String fileName) throws IOException {
        Path file = OsmFixtures.write(dir, fileName, OsmFixtures.SMALL_TOWN);
        return OsmImporter.importCity(file, OsmImporter.tenantOf(file), PlacementPlan.defaults());
    }

    @Test
    void keeps_highways_of_known_classes_as_streets_named_after_their_way() throws IOException {
        City city = importSmallTown("small-town.osm");

        assertThat(city.streets()).extracting(Street::id).containsExactly("st-100", "st-101", "st-102");
        assertThat(city.streets().get(0).name()).isEqualTo("Main Road");
        assertThat(city.streets().get(0).roadClass()).isEqualTo(RoadClass.PRIMARY);
        assertThat(city.streets().get(1).name()).isNull();
        assertThat(city.streets().get(2).roadClass()).isEqualTo(RoadClass.TERTIARY);
        assertThat(city.streets().get(2).points())
                .as("the missing node 99 is skipped")
                .hasSize(2);
    }

    @Test
    void finds_car_parks_on_nodes_closed_ways_and_multipolygons() throws IOException {
        City city = importSmallTown("small-town.osm");

        assertThat(city.carParks()).extracting(CarPark::id).containsExactly("cp001", "cp002", "cp003", "cp004");
        assertThat(city.carParks())
                .extracting(CarPark::name)
                .containsExactly("Town Hall", "Car park 2", "Car park 3", "Old Yard");
        assertThat(city.carParks().get(0).capacity())
                .as("from the capacity tag")
                .isEqualTo(75);
        assertThat(city.carParks().get(1).capacity())
                .as("a default from the id")
                .isBetween(20, 100);
        assertThat(city.carParks().get(2).capacity())
                .as("about 50 m x 40 m at 25 m² a space")
                .isBetween(76, 84);
        assertThat(city.carParks().get(2).location().distanceTo(new GeoPoint(51.00618, 0.006357)))
                .as("at the centroid of its way")
                .isLessThan(3.0);
        assertThat(city.carParks().get(3).location().latitude()).isBetween(51.0080, 51.0090);
    }

    @Test
    void finds_traffic_signals() throws IOException {
        assertThat(importSmallTown("small-town.osm").trafficSignals()).containsExactly(new GeoPoint(51.005, 0.005));
    }

    @Test
    void reads_gzipped_xml_alike() throws IOException {
        City plain = importSmallTown("small-town.osm");
        City gzipped = importSmallTown("small-town.osm.gz");

        assertThat(gzipped.streets()).isEqualTo(plain.streets());
        assertThat(gzipped.carParks()).isEqualTo(plain.carParks());
        assertThat(gzipped.sensors()).isEqualTo(plain.sensors());
    }

    @Test
    void names_the_tenant_after_the_file() throws IOException {
        City city = importSmallTown("Small_Town.osm.gz");

        assertThat(city.tenant()).isEqualTo("small-town");
        assertThat(city.name()).isEqualTo("Small Town");
    }

    @Test
    void rejects_a_missing_file_naming_it() {
        Path missing = dir.resolve("nowhere.osm");

        assertThatThrownBy(() -> OsmImporter.importCity(missing, "x", PlacementPlan.defaults()))
                .isInstanceOf(CityImportException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("no such file");
    }

    @Test
    void rejects_an_unknown_extension() throws IOException {
        Path file = OsmFixtures.write(dir, "town.geojson", "{}");

        assertThatThrownBy(() -> OsmImporter.importCity(file, "x", PlacementPlan.defaults()))
                .isInstanceOf(CityImportException.class)
                .hasMessageContaining("town.geojson")
                .hasMessageContaining(".osm.pbf");
    }

    @Test
    void rejects_xml_that_is_not_osm() throws IOException {
        Path file = OsmFixtures.write(dir, "page.osm", "<html><body>Not found</body></html>");

        assertThatThrownBy(() -> OsmImporter.importCity(file, "x", PlacementPlan.defaults()))
                .isInstanceOf(CityImportException.class)
                .hasMessageContaining("page.osm")
                .hasMessageContaining("not OSM XML");
    }

    @Test
    void rejects_a_file_that_is_not_gzip() throws IOException {
        Path file = OsmFixtures.write(dir, "plain.osm", OsmFixtures.SMALL_TOWN);
        Path renamed = Files.move(file, dir.resolve("plain.osm.gz"));

        assertThatThrownBy(() -> OsmImporter.importCity(renamed, "x", PlacementPlan.defaults()))
                .isInstanceOf(CityImportException.class)
                .hasMessageContaining("plain.osm.gz");
    }

    @Test
    void rejects_a_pbf_file_that_is_garbage() throws IOException {
        Path file = OsmFixtures.write(dir, "junk.osm.pbf", "this is not a protocol buffer at all, sorry");

        assertThatThrownBy(() -> OsmImporter.importCity(file, "x", PlacementPlan.defaults()))
                .isInstanceOf(CityImportException.class)
                .hasMessageContaining("junk.osm.pbf");
    }

    @Test
    void rejects_an_extract_without_streets_rather_than_returning_an_empty_city() throws IOException {
        Path file =
                OsmFixtures.write(dir, "empty.osm", "<osm version=\"0.6\"><node id=\"1\" lat=\"1\" lon=\"1\"/></osm>");

        assertThatThrownBy(() -> OsmImporter.importCity(file, "x", PlacementPlan.defaults()))
                .isInstanceOf(CityImportException.class)
                .hasMessageContaining("empty.osm")
                .hasMessageContaining("no streets");
    }

    @Test
    void rejects_an_invalid_tenant() throws IOException {
        Path file = OsmFixtures.write(dir, "t.osm", OsmFixtures.SMALL_TOWN);

        assertThatThrownBy(() -> OsmImporter.importCity(file, "Bad Tenant", PlacementPlan.defaults()))
                .isInstanceOf(CityImportException.class)
                .hasMessageContaining("tenant");
    }
}
