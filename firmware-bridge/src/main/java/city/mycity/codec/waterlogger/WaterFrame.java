package city.mycity.codec.waterlogger;

import city.mycity.codec.frame.FrameHeader;
import java.nio.ByteBuffer;

/**
 * The frame of a logger on a water main: flow, pressure, and the acoustic noise level in the pipe (a leak hisses, so a
 * noise level that stays high through the quiet night hours is what leak detection looks for). 14 bytes, big-endian:
 *
 * <pre>
 *  byte 0       bits 7-4: format version, 1; bits 3-0: reserved, 0
 *  bytes 1-4    measurement time, unsigned epoch seconds
 *  bytes 5-6    sequence number, unsigned, wraps at 65535
 *  bytes 7-10   flow, unsigned, tenths of a litre per minute
 *  bytes 11-12  pressure, unsigned, millibar
 *  byte 13      acoustic noise level, unsigned, decibels
 * </pre>
 *
 * @param header time and sequence
 * @param flowDecilitresPerMinute 0 to 2^32 - 1
 * @param pressureMillibar 0 to 65535
 * @param noiseDecibels 0 to 255
 */
public record WaterFrame(FrameHeader header, long flowDecilitresPerMinute, int pressureMillibar, int noiseDecibels) {

    public static final int LENGTH = 14;
    public static final int VERSION = 1;

    public WaterFrame {
        if (flowDecilitresPerMinute < 0 || flowDecilitresPerMinute > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("Flow must fit 32 unsigned bits, but was " + flowDecilitresPerMinute);
        }
        if (pressureMillibar < 0 || pressureMillibar > 0xFFFF) {
            throw new IllegalArgumentException("Pressure must fit 16 unsigned bits, but was " + pressureMillibar);
        }
        if (noiseDecibels < 0 || noiseDecibels > 0xFF) {
            throw new IllegalArgumentException("Noise must fit 8 unsigned bits, but was " + noiseDecibels);
        }
    }

    public static WaterFrame of(
            long epochSeconds, int sequence, double flowLitresPerMinute, double pressureBar, int noiseDecibels) {
        return new WaterFrame(
                FrameHeader.of(epochSeconds, sequence),
                Math.round(flowLitresPerMinute * 10),
                (int) Math.round(pressureBar * 1000),
                noiseDecibels);
    }

    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(LENGTH);
        header.write(buffer);
        return buffer.putInt((int) flowDecilitresPerMinute)
                .putShort((short) pressureMillibar)
                .put((byte) noiseDecibels)
                .array();
    }
}
