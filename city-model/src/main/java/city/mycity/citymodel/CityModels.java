package city.mycity.citymodel;

import city.mycity.citymodel.generated.GeneratedBaseMap;
import city.mycity.citymodel.generated.GeneratedTown;
import city.mycity.citymodel.osm.OsmImporter;
import city.mycity.citymodel.placement.PlacementPlan;
import java.nio.file.Path;

/** Where city models come from: a town generated from a seed, or an OpenStreetMap extract. */
public final class CityModels {

    private CityModels() {}

    /**
     * A generated town (tenant {@code demo-town}) with every default of {@link GeneratedTown.Builder}: the same seed
     * always gives an equal city.
     */
    public static CityModel generated(long seed) {
        return GeneratedTown.builder().seed(seed).build();
    }

    /**
     * Imports an OpenStreetMap extract ({@code .osm}, {@code .osm.gz} or {@code .osm.pbf}) as the tenant named after
     * its file ({@code north-bayreuth.osm.gz}: tenant {@code north-bayreuth}, name "North Bayreuth").
     *
     * @throws city.mycity.citymodel.exception.CityImportException naming the file when it cannot be imported
     */
    public static CityModel openStreetMap(Path file) {
        return openStreetMap(file, OsmImporter.tenantOf(file));
    }

    /** Imports an OpenStreetMap extract as the given tenant, with the default {@link PlacementPlan}. */
    public static CityModel openStreetMap(Path file, String tenant) {
        return openStreetMap(file, tenant, PlacementPlan.defaults());
    }

    /**
     * The base map beneath a city's streets: from its OpenStreetMap extract when it has one ({@code extract} not
     * null), else drawn for the generated town.
     */
    public static BaseMap baseMap(CityModel city, Path extract) {
        if (extract != null) {
            return OsmImporter.importBaseMap(extract);
        }
        return city instanceof City c ? GeneratedBaseMap.of(c) : BaseMap.EMPTY;
    }

    /** Imports an OpenStreetMap extract as the given tenant, placing sensors by the given plan. */
    public static CityModel openStreetMap(Path file, String tenant, PlacementPlan plan) {
        return OsmImporter.importCity(file, tenant, plan);
    }
}
