package city.mycity.citymodel.osm;

import crosby.binary.BinaryParser;
import crosby.binary.Osmformat;
import crosby.binary.file.BlockInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the OSM PBF format with the {@code osmpbf} library, block by block. */
final class OsmPbfReader extends BinaryParser {

    private final OsmHandler handler;

    private OsmPbfReader(OsmHandler handler) {
        this.handler = handler;
    }

    static void read(InputStream in, OsmHandler handler) throws IOException {
        try (BlockInputStream blocks = new BlockInputStream(in, new OsmPbfReader(handler))) {
            blocks.process();
        }
    }

    @Override
    protected void parseDense(Osmformat.DenseNodes dense) {
        long id = 0;
        long lat = 0;
        long lon = 0;
        int kv = 0;
        for (int i = 0; i < dense.getIdCount(); i++) {
            id += dense.getId(i);
            lat += dense.getLat(i);
            lon += dense.getLon(i);
            Map<String, String> tags = new HashMap<>();
            while (kv < dense.getKeysValsCount() && dense.getKeysVals(kv) != 0) {
                tags.put(getStringById(dense.getKeysVals(kv)), getStringById(dense.getKeysVals(kv + 1)));
                kv += 2;
            }
            kv++;
            handler.node(id, parseLat(lat), parseLon(lon), tags);
        }
    }

    @Override
    protected void parseNodes(List<Osmformat.Node> nodes) {
        for (Osmformat.Node node : nodes) {
            handler.node(
                    node.getId(),
                    parseLat(node.getLat()),
                    parseLon(node.getLon()),
                    tags(node.getKeysList(), node.getValsList()));
        }
    }

    @Override
    protected void parseWays(List<Osmformat.Way> ways) {
        for (Osmformat.Way way : ways) {
            long[] refs = new long[way.getRefsCount()];
            long ref = 0;
            for (int i = 0; i < refs.length; i++) {
                ref += way.getRefs(i);
                refs[i] = ref;
            }
            handler.way(way.getId(), refs, tags(way.getKeysList(), way.getValsList()));
        }
    }

    @Override
    protected void parseRelations(List<Osmformat.Relation> relations) {
        for (Osmformat.Relation relation : relations) {
            List<OsmHandler.Member> members = new ArrayList<>(relation.getMemidsCount());
            long ref = 0;
            for (int i = 0; i < relation.getMemidsCount(); i++) {
                ref += relation.getMemids(i);
                String type =
                        switch (relation.getTypes(i)) {
                            case NODE -> "node";
                            case WAY -> "way";
                            default -> "relation";
                        };
                members.add(new OsmHandler.Member(type, ref, getStringById(relation.getRolesSid(i))));
            }
            handler.relation(relation.getId(), members, tags(relation.getKeysList(), relation.getValsList()));
        }
    }

    @Override
    protected void parse(Osmformat.HeaderBlock header) {
        for (String feature : header.getRequiredFeaturesList()) {
            if (!feature.equals("OsmSchema-V0.6") && !feature.equals("DenseNodes")) {
                throw new IllegalArgumentException("the PBF file needs a feature this reader lacks: " + feature);
            }
        }
    }

    @Override
    public void complete() {
        // the collector is read after process() returns
    }

    private Map<String, String> tags(List<Integer> keys, List<Integer> values) {
        Map<String, String> tags = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            tags.put(getStringById(keys.get(i)), getStringById(values.get(i)));
        }
        return tags;
    }
}
