package city.mycity.edge;

import city.mycity.reading.ResolvedRecord;
import city.mycity.reading.SenmlCodec;
import city.mycity.testkit.ReceivedMessage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The readings a subscriber received, each as {@code name#sequence}, for the ITs that compare them with what was sent. */
final class BrokerReadings {

    private BrokerReadings() {}

    /** Every distinct reading received. */
    static Set<String> of(List<ReceivedMessage> messages) {
        Set<String> readings = new HashSet<>();
        forEach(messages, readings::add);
        return readings;
    }

    /** How many readings were received more than once (beyond their first copy). */
    static int duplicates(List<ReceivedMessage> messages) {
        Set<String> seen = new HashSet<>();
        int[] duplicates = {0};
        forEach(messages, reading -> {
            if (!seen.add(reading)) {
                duplicates[0]++;
            }
        });
        return duplicates[0];
    }

    private static void forEach(List<ReceivedMessage> messages, java.util.function.Consumer<String> reading) {
        for (ReceivedMessage message : messages) {
            for (ResolvedRecord record :
                    SenmlCodec.json().decode(message.payload()).pack().resolve()) {
                reading.accept(record.name() + "#" + record.sequence());
            }
        }
    }
}
