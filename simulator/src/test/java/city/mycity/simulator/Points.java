package city.mycity.simulator;

import city.mycity.reading.ResolvedRecord;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlPack;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The readings in recorded payloads, as points of one quantity over time. */
record Points(String device, String quantity, Instant time, double value) {

    static List<Points> of(List<RecordingLink.Sent> sent, String quantity) {
        List<Points> points = new ArrayList<>();
        for (RecordingLink.Sent s : sent) {
            SenmlCodec.Decoded decoded = SenmlCodec.json().decode(s.payload());
            if (!decoded.isOk()) {
                continue;
            }
            String prefix = SenmlPack.baseNameOf(s.tenant(), s.sensor().id());
            for (ResolvedRecord r : decoded.pack().resolve()) {
                if (r.name().equals(prefix + quantity) && r.value() != null) {
                    points.add(new Points(
                            s.sensor().id(), quantity, Instant.ofEpochMilli(Math.round(r.time() * 1000)), r.value()));
                }
            }
        }
        return points;
    }

    /** The local hour of day (UTC) of the point. */
    double hour() {
        return (time.getEpochSecond() % 86_400) / 3600.0;
    }
}
