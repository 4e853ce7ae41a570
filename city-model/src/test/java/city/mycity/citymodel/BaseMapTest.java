package city.mycity.citymodel;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.citymodel.BaseMap.MapFeature;
import city.mycity.citymodel.BaseMap.MapFeature.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BaseMapTest {

    @ParameterizedTest
    @ValueSource(strings = {"monaco.osm.gz", "north-bayreuth.osm.gz", "andorra.osm.pbf"})
    void an_extract_gives_its_buildings_water_and_green_areas(String file) {
        BaseMap map = CityModels.baseMap(null, SharedData.osm(file));

        assertThat(map.layer(Layer.BUILDINGS)).hasSizeGreaterThan(100);
        assertThat(map.layer(Layer.GREEN)).hasSizeGreaterThan(5);
        assertThat(map.layer(Layer.WATER)).isNotEmpty();
        for (MapFeature area : map.features()) {
            if (area.area()) {
                assertThat(area.points()).hasSizeGreaterThanOrEqualTo(4);
                assertThat(area.points().get(0))
                        .isEqualTo(area.points().get(area.points().size() - 1));
            }
        }
    }

    @Test
    void the_generated_town_gets_houses_off_its_streets_a_park_and_water() {
        City town = (City) CityModels.generated(42);

        BaseMap map = CityModels.baseMap(town, null);
        BaseMap again = CityModels.baseMap(CityModels.generated(42), null);

        assertThat(map.layer(Layer.BUILDINGS)).hasSizeGreaterThan(200);
        assertThat(map.layer(Layer.GREEN)).extracting(MapFeature::name).containsExactly("Town Park");
        assertThat(map.layer(Layer.WATER)).extracting(MapFeature::name).containsExactly("Mill Pond", "Mill Brook");
        assertThat(again).isEqualTo(map);
        for (MapFeature house : map.layer(Layer.BUILDINGS)) {
            for (GeoPoint corner : house.points()) {
                assertThat(town.bounds().contains(corner)).isTrue();
            }
        }
    }
}
