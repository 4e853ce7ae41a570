package city.mycity.geo.opendata;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;

/**
 * The city's open-data catalogue in DCAT (W3C Data Catalog Vocabulary, version 3) as JSON-LD: each dataset with its
 * licence (the UK Open Government Licence v3.0), provenance, update frequency, last update and its downloads in CSV
 * and GeoJSON.
 */
final class Catalogue {

    static final String LICENCE = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

    private final DataSource dataSource;
    private final String tenant;
    private final String council;

    Catalogue(DataSource dataSource, String tenant, String council) {
        this.dataSource = dataSource;
        this.tenant = tenant;
        this.council = council;
    }

    /** The catalogue, its links on {@code root} (e.g. {@code https://city.example}). Blocking. */
    JsonObject build(String root) throws SQLException {
        JsonArray datasets = new JsonArray();
        try (Connection c = dataSource.getConnection()) {
            for (Dataset d : Datasets.all()) {
                datasets.add(dataset(d, root, modified(c, d)));
            }
        }
        JsonObject publisher = new JsonObject().put("@type", "foaf:Agent").put("foaf:name", council);
        return new JsonObject()
                .put("@context", context())
                .put("@id", root + OpenDataRoutes.CATALOGUE)
                .put("@type", "dcat:Catalog")
                .put("dct:title", "Open data of " + council)
                .put(
                        "dct:description",
                        "What " + council + "'s sensors and services measure and record, published"
                                + " as open data. Nothing personal is published.")
                .put("dct:publisher", publisher)
                .put("dct:license", new JsonObject().put("@id", LICENCE))
                .put("dcat:dataset", datasets);
    }

    private JsonObject dataset(Dataset d, String root, String modified) {
        String base = root + OpenDataRoutes.DOWNLOADS + d.id();
        JsonArray distributions = new JsonArray().add(distribution(base + ".csv", "text/csv", "CSV", d));
        if (d.geographic()) {
            distributions.add(distribution(base + ".geojson", "application/geo+json", "GeoJSON", d));
        }
        JsonObject dataset = new JsonObject()
                .put("@id", root + OpenDataRoutes.CATALOGUE + "#" + d.id())
                .put("@type", "dcat:Dataset")
                .put("dct:identifier", d.id())
                .put("dct:title", d.title())
                .put(
                        "dct:description",
                        d.description()
                                + (d.windowed()
                                        ? " A download covers the last " + days(d.window())
                                                + " unless from and to (ISO 8601)" + " say otherwise, at most "
                                                + days(d.maxWindow()) + "."
                                        : ""))
                .put("dcat:keyword", new JsonArray(d.keywords()))
                .put("dct:license", new JsonObject().put("@id", LICENCE))
                .put("dct:accessRights", "public")
                .put(
                        "dct:provenance",
                        new JsonObject().put("@type", "dct:ProvenanceStatement").put("rdfs:label", d.provenance()))
                .put(
                        "dct:accrualPeriodicity",
                        new JsonObject().put("@type", "xsd:duration").put("@value", d.periodicity()))
                .put("dcat:distribution", distributions);
        if (modified != null) {
            dataset.put(
                    "dct:modified",
                    new JsonObject().put("@type", "xsd:dateTime").put("@value", modified));
        }
        return dataset;
    }

    private static JsonObject distribution(String url, String mediaType, String format, Dataset d) {
        return new JsonObject()
                .put("@type", "dcat:Distribution")
                .put("dct:title", d.title() + " (" + format + ")")
                .put("dcat:downloadURL", new JsonObject().put("@id", url))
                .put("dcat:accessURL", new JsonObject().put("@id", url))
                .put("dcat:mediaType", mediaType)
                .put("dct:format", format)
                .put("dct:license", new JsonObject().put("@id", LICENCE));
    }

    private String modified(Connection c, Dataset d) {
        if (d.modified() == null) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement(d.modified())) {
            ps.setString(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                Timestamp t = rs.next() ? rs.getTimestamp(1) : null;
                return t == null
                        ? null
                        : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                                t.toInstant().atOffset(ZoneOffset.UTC).withNano(0));
            }
        } catch (SQLException e) {
            // A store without that table (TimescaleDB keeps no rollup progress): the time is unknown.
            return null;
        }
    }

    private static String days(java.time.Duration d) {
        long days = d.toDays();
        return days == 1 ? "day" : days + " days";
    }

    private static JsonObject context() {
        return new JsonObject()
                .put("dcat", "http://www.w3.org/ns/dcat#")
                .put("dct", "http://purl.org/dc/terms/")
                .put("foaf", "http://xmlns.com/foaf/0.1/")
                .put("rdfs", "http://www.w3.org/2000/01/rdf-schema#")
                .put("xsd", "http://www.w3.org/2001/XMLSchema#");
    }
}
