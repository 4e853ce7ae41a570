package city.mycity.codec.puck;

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
 * Reads a {@link PuckFrame} into three records: {@code occupied} (unit {@code /}, 0 or 1), {@code battery} (unit
 * {@code %EL}, the SenML unit for a battery's remaining charge) and {@code temperature} ({@code Cel}).
 */
public final class ParkingPuckCodec implements FrameCodec {

    public static final String NAME = "parking-puck";
    private static final String FRAME = "parking-puck frame";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SensorKind kind() {
        return SensorKind.PARKING_BAY;
    }

    @Override
    public Decoded decode(DeviceRef device, DeviceProfile profile, byte[] payload) {
        Optional<String> problem = FrameCheck.problem(FRAME, payload, PuckFrame.VERSION, PuckFrame.LENGTH);
        if (problem.isPresent()) {
            return Decoded.failed(problem.get());
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        FrameHeader header = FrameHeader.read(buffer);
        int battery = Byte.toUnsignedInt(buffer.get());
        problem = FrameCheck.flagsProblem(FRAME, header, PuckFrame.OCCUPIED)
                .or(() -> FrameCheck.batteryProblem(FRAME, battery));
        if (problem.isPresent()) {
            return Decoded.failed(problem.get());
        }
        PuckFrame frame = new PuckFrame(header, battery, buffer.get());
        return Decoded.ok(SenmlPack.of(
                device.tenant(),
                device.device(),
                header.time(),
                header.sequence(),
                List.of(
                        SenmlRecord.measurement("occupied", frame.occupied() ? 1 : 0, "/"),
                        SenmlRecord.measurement("battery", frame.batteryPercent(), "%EL"),
                        SenmlRecord.measurement("temperature", frame.temperature(), "Cel"))));
    }
}
