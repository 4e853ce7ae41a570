package city.mycity.geo.places;

import static org.assertj.core.api.Assertions.assertThat;

import city.mycity.citymodel.City;
import city.mycity.geo.TestCity;
import org.junit.jupiter.api.Test;

class PlaceIndexTest {

    private final City city = TestCity.create("places");
    private final PlaceIndex index = PlaceIndex.of(city);

    @Test
    void finds_a_car_park_by_part_of_its_name_whatever_the_case() {
        assertThat(index.search("market", 8)).extracting(Place::name).contains("Market Square");
        assertThat(index.search("MARKET sq", 8)).extracting(Place::kind).contains("carpark");
    }

    @Test
    void a_name_that_starts_with_the_text_comes_before_one_that_only_contains_it() {
        Place first = index.search("st", 50).get(0);

        assertThat(PlaceIndex.key(first.name())).startsWith("st");
    }

    @Test
    void a_street_of_many_ways_is_one_place_on_its_way() {
        var streets = city.streets().stream()
                .filter(s -> s.name() != null && !s.name().isBlank())
                .toList();
        String name = streets.get(0).name();

        var found = index.search(name, 50).stream()
                .filter(p -> p.kind().equals("street") && p.name().equals(name))
                .toList();

        assertThat(found).hasSize(1);
        assertThat(city.bounds().contains(found.get(0).location())).isTrue();
    }

    @Test
    void text_without_letters_or_digits_finds_nothing() {
        assertThat(index.search(" -- ", 8)).isEmpty();
    }

    @Test
    void accents_do_not_matter() {
        assertThat(PlaceIndex.key("Rue de l'Église")).isEqualTo("rue de l eglise");
    }
}
