package city.mycity.codec.trafficcounter;

import city.mycity.codec.DeviceProfile;
import city.mycity.codec.DeviceRef;
import city.mycity.codec.FrameCodec;
import city.mycity.codec.frame.FrameCheck;
import city.mycity.codec.frame.FrameHeader;
import city.mycity.reading.SenmlCodec.Decoded;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.SenmlRecord;
import city.mycity.reading.SensorKind;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@link CounterFrame} into {@code count} (all lanes, unit {@code count}), {@code speed} ({@code km/h}, left
 * out when no vehicle passed) and one {@code lane-N-count} per lane, N from 1 at the kerb.
 */
public final class TrafficCounterCodec implements FrameCodec {

    public static final String NAME = "traffic-counter";
    private static final String FRAME = "traffic-counter frame";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SensorKind kind() {
        return SensorKind.TRAFFIC_COUNTER;
    }

    @Override
    public Decoded decode(DeviceRef device, DeviceProfile profile, byte[] payload) {
        Optional<String> problem = FrameCheck.problem(
                FRAME,
                payload,
                CounterFrame.VERSION,
                CounterFrame.length(1),
                CounterFrame.length(CounterFrame.MAX_LANES));
        if (problem.isPresent()) {
            return Decoded.failed(problem.get());
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        FrameHeader header = FrameHeader.read(buffer);
        int lanes = header.flags();
        if (lanes < 1 || lanes > CounterFrame.MAX_LANES || payload.length != CounterFrame.length(lanes)) {
            return Decoded.failed("a " + FRAME + " of " + lanes + " lanes is " + CounterFrame.length(lanes)
                    + " bytes (1 to " + CounterFrame.MAX_LANES + " lanes), but this payload has " + payload.length);
        }
        int speed = Byte.toUnsignedInt(buffer.get());
        List<Integer> counts = new ArrayList<>(lanes);
        for (int lane = 0; lane < lanes; lane++) {
            counts.add(Short.toUnsignedInt(buffer.getShort()));
        }
        CounterFrame frame = new CounterFrame(header, speed, counts);
        List<SenmlRecord> records = new ArrayList<>(lanes + 2);
        records.add(SenmlRecord.measurement("count", frame.total(), "count"));
        if (frame.meanSpeedKmh() != CounterFrame.NO_SPEED) {
            records.add(SenmlRecord.measurement("speed", frame.meanSpeedKmh(), "km/h"));
        }
        for (int lane = 0; lane < lanes; lane++) {
            records.add(SenmlRecord.measurement(laneQuantity(lane + 1), counts.get(lane), "count"));
        }
        return Decoded.ok(SenmlPack.of(device.tenant(), device.device(), header.time(), header.sequence(), records));
    }

    /** The SenML name of a lane's count, lanes numbered from 1 at the kerb. */
    public static String laneQuantity(int lane) {
        return "lane-" + lane + "-count";
    }
}
