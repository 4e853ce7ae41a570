package city.mycity.codec.ultrasonic;

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
import java.util.OptionalDouble;

/**
 * Reads a {@link BinFrame} into {@code fill} ({@code %}), {@code battery} ({@code %EL}) and {@code temperature}
 * ({@code Cel}). The fill comes from the bin's depth in the device's profile, {@code depth-mm}: the distance from the
 * sensor to the bin's floor. Fill = (depth - distance) / depth, in percent to one decimal, 0 when the distance is the
 * depth or more (an empty bin, an echo off the floor) and 100 when the rubbish reaches the sensor. A frame with no echo
 * has no fill, only its battery and temperature.
 */
public final class UltrasonicBinCodec implements FrameCodec {

    public static final String NAME = "ultrasonic-bin";
    /** The profile setting with the distance from the sensor to the bin's floor, in millimetres. */
    public static final String DEPTH = "depth-mm";

    private static final String FRAME = "ultrasonic-bin frame";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SensorKind kind() {
        return SensorKind.BIN;
    }

    @Override
    public Decoded decode(DeviceRef device, DeviceProfile profile, byte[] payload) {
        Optional<String> problem = FrameCheck.problem(FRAME, payload, BinFrame.VERSION, BinFrame.LENGTH);
        if (problem.isPresent()) {
            return Decoded.failed(problem.get());
        }
        OptionalDouble depth = profile.number(DEPTH);
        if (depth.isEmpty() || depth.getAsDouble() <= 0) {
            return Decoded.failed("the profile of bin " + device.device() + " has no " + DEPTH
                    + " (a positive number of millimetres), so its fill cannot be computed; add it to the profile");
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        FrameHeader header = FrameHeader.read(buffer);
        int distance = Short.toUnsignedInt(buffer.getShort());
        int battery = Byte.toUnsignedInt(buffer.get());
        problem = FrameCheck.flagsProblem(FRAME, header, 0).or(() -> FrameCheck.batteryProblem(FRAME, battery));
        if (problem.isPresent()) {
            return Decoded.failed(problem.get());
        }
        BinFrame frame = new BinFrame(header, distance, battery, buffer.get());
        List<SenmlRecord> records = new ArrayList<>(3);
        if (frame.distanceMm() != BinFrame.NO_ECHO) {
            records.add(SenmlRecord.measurement("fill", fill(frame.distanceMm(), depth.getAsDouble()), "%"));
        }
        records.add(SenmlRecord.measurement("battery", frame.batteryPercent(), "%EL"));
        records.add(SenmlRecord.measurement("temperature", frame.temperature(), "Cel"));
        return Decoded.ok(SenmlPack.of(device.tenant(), device.device(), header.time(), header.sequence(), records));
    }

    /** The fill in percent, to one decimal, of a bin {@code depthMm} deep whose surface is {@code distanceMm} away. */
    static double fill(int distanceMm, double depthMm) {
        double percent = (depthMm - distanceMm) / depthMm * 100;
        return Math.round(Math.max(0, Math.min(100, percent)) * 10) / 10.0;
    }
}
