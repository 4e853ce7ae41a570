package city.mycity.codec.puck;

import city.mycity.codec.frame.FrameHeader;
import java.nio.ByteBuffer;

/**
 * The frame of a parking puck: a magnetometer buried in the bay, on a battery meant to last years. 9 bytes,
 * big-endian:
 *
 * <pre>
 *  byte 0     bits 7-4: format version, 1; bits 3-1: reserved, 0; bit 0: occupied
 *  bytes 1-4  measurement time, unsigned epoch seconds
 *  bytes 5-6  sequence number, unsigned, wraps at 65535
 *  byte 7     battery, percent of charge left, 0 to 100
 *  byte 8     temperature in the puck, signed, degrees Celsius
 * </pre>
 *
 * @param header time and sequence (and the occupied bit, in its flags)
 * @param batteryPercent 0 to 100
 * @param temperature -128 to 127 °C
 */
public record PuckFrame(FrameHeader header, int batteryPercent, int temperature) {

    public static final int LENGTH = 9;
    public static final int VERSION = 1;
    static final int OCCUPIED = 0x01;

    public PuckFrame {
        if (batteryPercent < 0 || batteryPercent > 255) {
            throw new IllegalArgumentException("Battery must fit 8 unsigned bits, but was " + batteryPercent);
        }
        if (temperature < Byte.MIN_VALUE || temperature > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("Temperature must fit 8 signed bits, but was " + temperature);
        }
    }

    /** A frame as the puck's firmware sends it. */
    public static PuckFrame of(boolean occupied, long epochSeconds, int sequence, int batteryPercent, int temperature) {
        return new PuckFrame(
                new FrameHeader(VERSION, occupied ? OCCUPIED : 0, epochSeconds, sequence), batteryPercent, temperature);
    }

    public boolean occupied() {
        return (header.flags() & OCCUPIED) != 0;
    }

    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(LENGTH);
        header.write(buffer);
        return buffer.put((byte) batteryPercent).put((byte) temperature).array();
    }
}
