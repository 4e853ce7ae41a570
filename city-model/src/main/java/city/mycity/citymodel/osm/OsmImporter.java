package city.mycity.citymodel.osm;

import city.mycity.citymodel.City;
import city.mycity.citymodel.Provenance;
import city.mycity.citymodel.exception.CityImportException;
import city.mycity.citymodel.placement.CityFeatures;
import city.mycity.citymodel.placement.Placement;
import city.mycity.citymodel.placement.PlacementPlan;
import city.mycity.reading.Identifiers;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLStreamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Imports an OpenStreetMap extract ({@code .osm}, {@code .osm.gz}, {@code .osm.pbf}) and places sensors along it. */
public final class OsmImporter {

    public static final String LICENCE = "ODbL 1.0";
    public static final String ATTRIBUTION = "Map data © OpenStreetMap contributors, ODbL";

    private static final Logger LOGGER = LoggerFactory.getLogger(OsmImporter.class);
    private static final int BUFFER = 1 << 16;

    private OsmImporter() {}

    /** The tenant an extract gets by default: a slug of its file name, e.g. {@code north-bayreuth}. */
    public static String tenantOf(Path file) {
        return ExtractName.slug(file);
    }

    /**
     * Imports the extract.
     *
     * @throws CityImportException naming the file when it is missing, of an unknown format, unreadable or holds no
     *     streets
     */
    public static City importCity(Path file, String tenant, PlacementPlan plan) {
        if (!Identifiers.isValid(tenant)) {
            throw new CityImportException(
                    file,
                    "the tenant '" + tenant + "' is not a valid identifier"
                            + " (1-64 characters of a-z, 0-9, '.', '_' or '-').");
        }
        if (!Files.isRegularFile(file)) {
            throw new CityImportException(file, "no such file.");
        }
        long started = System.nanoTime();
        OsmCollector collector = new OsmCollector();
        read(file, collector);
        CityFeatures features = collector.features();
        if (features.streets().isEmpty()) {
            throw new CityImportException(
                    file,
                    "it holds no streets (ways tagged highway=motorway ... service)"
                            + " with their nodes: is it an OpenStreetMap extract of a town?");
        }
        City city = Placement.place(features, plan, tenant, ExtractName.displayName(file), provenance(file));
        LOGGER.info(
                "Imported {} as tenant {}: {} streets, {} car parks, {} traffic signals, {} sensors in {} ms ({} missing"
                        + " node references)",
                file.getFileName(),
                tenant,
                city.streets().size(),
                city.carParks().size(),
                city.trafficSignals().size(),
                city.sensors().size(),
                (System.nanoTime() - started) / 1_000_000,
                collector.missingNodes());
        return city;
    }

    /**
     * The base map of an extract: its buildings, water and green areas, beneath the streets.
     *
     * @throws CityImportException naming the file when it is missing, of an unknown format or unreadable
     */
    public static city.mycity.citymodel.BaseMap importBaseMap(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CityImportException(file, "no such file.");
        }
        AreaCollector collector = new AreaCollector();
        read(file, collector);
        city.mycity.citymodel.BaseMap map = collector.baseMap();
        LOGGER.info(
                "Base map of {}: {} buildings, {} water, {} green areas",
                file.getFileName(),
                map.layer(city.mycity.citymodel.BaseMap.MapFeature.Layer.BUILDINGS)
                        .size(),
                map.layer(city.mycity.citymodel.BaseMap.MapFeature.Layer.WATER).size(),
                map.layer(city.mycity.citymodel.BaseMap.MapFeature.Layer.GREEN).size());
        return map;
    }

    private static void read(Path file, OsmHandler handler) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
            if (name.endsWith(".osm.pbf")) {
                OsmPbfReader.read(raw, handler);
            } else if (name.endsWith(".osm.gz")) {
                new OsmXmlReader().read(new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER), handler);
            } else if (name.endsWith(".osm")) {
                new OsmXmlReader().read(raw, handler);
            } else {
                throw new CityImportException(
                        file, "unknown format: the file name must end in .osm, .osm.gz or" + " .osm.pbf.");
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            if (e instanceof CityImportException cie) {
                throw cie;
            }
            throw new CityImportException(file, "it is not a readable OpenStreetMap extract (" + e + ").", e);
        }
    }

    private static Provenance provenance(Path file) {
        return new Provenance(
                "OpenStreetMap extract " + file.getFileName(),
                LICENCE,
                ATTRIBUTION,
                List.of(
                        "Streets, car parks and traffic signals are OpenStreetMap data. Car-park capacities come from"
                                + " the capacity tag, else from the car park's area (25 m² a space), else a default.",
                        "Bins, water sensors, traffic counters and on-street and car-park bays are not in OpenStreetMap:"
                                + " MyCity placed them deterministically along the real streets."));
    }
}
