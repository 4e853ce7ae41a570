package city.mycity.citymodel.generated;

import city.mycity.citymodel.RoadClass;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Street names for a generated town, each used once, drawn in an order set by the seed. */
final class StreetNames {

    private static final List<String> MAIN = List.of(
            "High Street",
            "London Road",
            "Station Road",
            "Church Street",
            "Oxford Road",
            "Mill Road",
            "Victoria Road",
            "Bridge Street",
            "Park Road",
            "New Road",
            "Market Street",
            "Kings Road");
    private static final List<String> PREFIXES = List.of(
            "Oak",
            "Elm",
            "Ash",
            "Beech",
            "Willow",
            "Cedar",
            "Hazel",
            "Rowan",
            "Maple",
            "Chestnut",
            "Holly",
            "Laurel",
            "Orchard",
            "Meadow",
            "Brook",
            "Spring",
            "Well",
            "Chapel",
            "Manor",
            "Priory",
            "Abbey",
            "Castle",
            "Tower",
            "Windmill",
            "Foundry",
            "Tannery",
            "Malthouse",
            "Granary",
            "Forge",
            "Quarry",
            "Barley",
            "Clover",
            "Heather",
            "Primrose",
            "Bluebell",
            "Lavender",
            "Juniper",
            "Sycamore",
            "Poplar",
            "Linden",
            "Kestrel",
            "Heron",
            "Swallow",
            "Wren",
            "Lark",
            "Falcon",
            "Badger",
            "Otter",
            "Fox",
            "Hill",
            "Vale",
            "Ridge",
            "Fern",
            "Moor",
            "Canal",
            "Wharf",
            "Ferry",
            "Cross",
            "Grange",
            "Rectory");
    private static final List<String> SUFFIXES = List.of(
            "Street",
            "Road",
            "Lane",
            "Avenue",
            "Close",
            "Way",
            "Gardens",
            "Crescent",
            "Terrace",
            "Drive",
            "Grove",
            "Place",
            "Row",
            "Walk");

    private final List<String> main;
    private final List<String> residential = new ArrayList<>();
    private int nextMain;
    private int nextResidential;

    StreetNames(Random random) {
        List<String> mainNames = new ArrayList<>(MAIN.subList(2, MAIN.size()));
        Collections.shuffle(mainNames, random);
        main = new ArrayList<>(MAIN.subList(0, 2));
        main.addAll(mainNames);
        for (String prefix : PREFIXES) {
            for (String suffix : SUFFIXES) {
                residential.add(prefix + " " + suffix);
            }
        }
        Collections.shuffle(residential, random);
    }

    /** The next name for a road of this class: main roads first take the classic names, primary ones first. */
    String next(RoadClass roadClass) {
        if (roadClass.isMain() && nextMain < main.size()) {
            return main.get(nextMain++);
        }
        String name = residential.get(nextResidential % residential.size());
        int round = nextResidential++ / residential.size();
        return round == 0 ? name : name + " " + (round + 1);
    }
}
