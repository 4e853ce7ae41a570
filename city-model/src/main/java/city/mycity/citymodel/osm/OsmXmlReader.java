package city.mycity.citymodel.osm;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Streams OSM XML (API 0.6) with StAX: nothing but the current element is held in memory. */
final class OsmXmlReader {

    private final XMLInputFactory factory;

    OsmXmlReader() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    /** Reads the stream to its end; throws an {@link IllegalArgumentException} when it is not OSM XML. */
    void read(InputStream in, OsmHandler handler) throws XMLStreamException {
        XMLStreamReader xml = factory.createXMLStreamReader(in);
        try {
            xml.nextTag();
            if (!"osm".equals(xml.getLocalName())) {
                throw new IllegalArgumentException(
                        "the root element is <" + xml.getLocalName() + ">, not <osm>: this is not OSM XML");
            }
            Element current = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    current = start(xml, current);
                } else if (event == XMLStreamConstants.END_ELEMENT
                        && current != null
                        && current.kind.equals(xml.getLocalName())) {
                    current.deliver(handler);
                    current = null;
                }
            }
        } finally {
            xml.close();
        }
    }

    private static Element start(XMLStreamReader xml, Element current) {
        String name = xml.getLocalName();
        switch (name) {
            case "node", "way", "relation" -> {
                Element e = new Element(name, Long.parseLong(xml.getAttributeValue(null, "id")));
                if (name.equals("node")) {
                    e.lat = Double.parseDouble(xml.getAttributeValue(null, "lat"));
                    e.lon = Double.parseDouble(xml.getAttributeValue(null, "lon"));
                }
                return e;
            }
            case "tag" -> {
                if (current != null) {
                    current.tags.put(xml.getAttributeValue(null, "k"), xml.getAttributeValue(null, "v"));
                }
            }
            case "nd" -> {
                if (current != null) {
                    current.refs.add(Long.parseLong(xml.getAttributeValue(null, "ref")));
                }
            }
            case "member" -> {
                if (current != null) {
                    current.members.add(new OsmHandler.Member(
                            xml.getAttributeValue(null, "type"),
                            Long.parseLong(xml.getAttributeValue(null, "ref")),
                            xml.getAttributeValue(null, "role")));
                }
            }
            default -> {
                // bounds, changesets and anything newer: not needed
            }
        }
        return current;
    }

    /** The element being read, until its end tag. */
    private static final class Element {
        final String kind;
        final long id;
        double lat;
        double lon;
        final Map<String, String> tags = new HashMap<>();
        final List<Long> refs = new ArrayList<>();
        final List<OsmHandler.Member> members = new ArrayList<>();

        Element(String kind, long id) {
            this.kind = kind;
            this.id = id;
        }

        void deliver(OsmHandler handler) {
            switch (kind) {
                case "node" -> handler.node(id, lat, lon, tags);
                case "way" ->
                    handler.way(id, refs.stream().mapToLong(Long::longValue).toArray(), tags);
                default -> handler.relation(id, members, tags);
            }
        }
    }
}
