package city.mycity.citymodel.osm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExtractNameTest {

    @ParameterizedTest
    @CsvSource({
        "monaco.osm.gz, monaco, Monaco",
        "north-bayreuth.osm.gz, north-bayreuth, North Bayreuth",
        "andorra.osm.pbf, andorra, Andorra",
        "/data/Greater London.OSM, greater-london, Greater London",
        "__.osm, city, City"
    })
    void makes_a_tenant_slug_and_a_capitalised_name_of_the_file_name(String file, String slug, String name) {
        assertThat(ExtractName.slug(Path.of(file))).isEqualTo(slug);
        assertThat(ExtractName.displayName(Path.of(file))).isEqualTo(name);
    }
}
