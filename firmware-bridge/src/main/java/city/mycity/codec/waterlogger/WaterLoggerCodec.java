package city.mycity.codec.waterlogger;

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
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@link WaterFrame} into {@code flow} ({@code l/min}), {@code pressure} ({@code bar}) and {@code noise}
 * ({@code dB}).
 */
public final class WaterLoggerCodec implements FrameCodec {

    public static final String NAME = "water-logger";
    private static final String FRAME = "water-logger frame";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SensorKind kind() {
        return SensorKind.WATER;
    }

    @Override
    public Decoded decode(DeviceRef device, DeviceProfile profile, byte[] payload) {
        Optional<String> problem = FrameCheck.problem(FRAME, payload, WaterFrame.VERSION, WaterFrame.LENGTH);
        if (problem.isPresent()) {
            return Decoded.failed(problem.get());
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        FrameHeader header = FrameHeader.read(buffer);
        problem = FrameCheck.flagsProblem(FRAME, header, 0);
        if (problem.isPresent()) {
            return Decoded.failed(problem.get());
        }
        WaterFrame frame = new WaterFrame(
                header,
                Integer.toUnsignedLong(buffer.getInt()),
                Short.toUnsignedInt(buffer.getShort()),
                Byte.toUnsignedInt(buffer.get()));
        return Decoded.ok(SenmlPack.of(
                device.tenant(),
                device.device(),
                header.time(),
                header.sequence(),
                List.of(
                        SenmlRecord.measurement("flow", frame.flowDecilitresPerMinute() / 10.0, "l/min"),
                        SenmlRecord.measurement("pressure", frame.pressureMillibar() / 1000.0, "bar"),
                        SenmlRecord.measurement("noise", frame.noiseDecibels(), "dB"))));
    }
}
