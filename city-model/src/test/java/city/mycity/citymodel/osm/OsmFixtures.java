package city.mycity.citymodel.osm;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Tiny hand-written OSM files for the importer's edge cases. */
final class OsmFixtures {

    /**
     * A street grid of three ways, a named parking node with a capacity tag, an unnamed parking node without one, a
     * closed parking way of about 50 m x 40 m, a multipolygon car park and a traffic signal.
     */
    static final String SMALL_TOWN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <osm version="0.6" generator="hand">
              <bounds minlat="51.0" minlon="0.0" maxlat="51.01" maxlon="0.01"/>
              <node id="1" lat="51.0000" lon="0.0000"/>
              <node id="2" lat="51.0000" lon="0.0050"/>
              <node id="3" lat="51.0000" lon="0.0100"/>
              <node id="4" lat="51.0050" lon="0.0050"><tag k="highway" v="traffic_signals"/></node>
              <node id="5" lat="51.0100" lon="0.0050"/>
              <node id="6" lat="51.0020" lon="0.0020">
                <tag k="amenity" v="parking"/><tag k="name" v="Town Hall"/><tag k="capacity" v=" 75 "/>
              </node>
              <node id="7" lat="51.0030" lon="0.0080"><tag k="amenity" v="parking"/><tag k="capacity" v="lots"/></node>
              <node id="10" lat="51.0060" lon="0.0060"/>
              <node id="11" lat="51.0060" lon="0.006714"/>
              <node id="12" lat="51.0063597" lon="0.006714"/>
              <node id="13" lat="51.0063597" lon="0.0060"/>
              <node id="20" lat="51.0080" lon="0.0010"/>
              <node id="21" lat="51.0080" lon="0.0020"/>
              <node id="22" lat="51.0090" lon="0.0020"/>
              <way id="100"><nd ref="1"/><nd ref="2"/><nd ref="3"/>
                <tag k="highway" v="primary"/><tag k="name" v="Main Road"/></way>
              <way id="101"><nd ref="2"/><nd ref="4"/><nd ref="5"/><tag k="highway" v="residential"/></way>
              <way id="102"><nd ref="4"/><nd ref="99"/><nd ref="3"/><tag k="highway" v="tertiary_link"/></way>
              <way id="103"><nd ref="1"/><nd ref="5"/><tag k="highway" v="footway"/></way>
              <way id="104"><nd ref="10"/><nd ref="11"/><nd ref="12"/><nd ref="13"/><nd ref="10"/>
                <tag k="amenity" v="parking"/></way>
              <way id="105"><nd ref="20"/><nd ref="21"/><nd ref="22"/><nd ref="20"/></way>
              <relation id="200"><member type="way" ref="105" role="outer"/>
                <tag k="type" v="multipolygon"/><tag k="amenity" v="parking"/><tag k="name" v="Old Yard"/></relation>
            </osm>
            """;

    private OsmFixtures() {}

    static Path write(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        if (name.endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
            }
        } else {
            Files.writeString(file, content);
        }
        return file;
    }
}
