package city.mycity.codec.ultrasonic;

import city.mycity.codec.frame.FrameHeader;
import java.nio.ByteBuffer;

/**
 * The frame of an ultrasonic fill-level sensor under a bin's lid: it measures the distance down to the rubbish. 11
 * bytes, big-endian:
 *
 * <pre>
 *  byte 0     bits 7-4: format version, 1; bits 3-0: reserved, 0
 *  bytes 1-4  measurement time, unsigned epoch seconds
 *  bytes 5-6  sequence number, unsigned, wraps at 65535
 *  bytes 7-8  distance from the sensor to the surface below it, unsigned, millimetres; 65535: no echo came back
 *  byte 9     battery, percent of charge left, 0 to 100
 *  byte 10    temperature in the bin, signed, degrees Celsius
 * </pre>
 *
 * @param header time and sequence
 * @param distanceMm 0 to 65534, or {@link #NO_ECHO}
 * @param batteryPercent 0 to 100
 * @param temperature -128 to 127 °C
 */
public record BinFrame(FrameHeader header, int distanceMm, int batteryPercent, int temperature) {

    public static final int LENGTH = 11;
    public static final int VERSION = 1;
    /** The distance a sensor sends when no echo came back (an empty bin deeper than its range, a blocked sensor). */
    public static final int NO_ECHO = 0xFFFF;

    public BinFrame {
        if (distanceMm < 0 || distanceMm > 0xFFFF) {
            throw new IllegalArgumentException("Distance must fit 16 unsigned bits, but was " + distanceMm);
        }
        if (batteryPercent < 0 || batteryPercent > 255) {
            throw new IllegalArgumentException("Battery must fit 8 unsigned bits, but was " + batteryPercent);
        }
        if (temperature < Byte.MIN_VALUE || temperature > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("Temperature must fit 8 signed bits, but was " + temperature);
        }
    }

    public static BinFrame of(long epochSeconds, int sequence, int distanceMm, int batteryPercent, int temperature) {
        return new BinFrame(FrameHeader.of(epochSeconds, sequence), distanceMm, batteryPercent, temperature);
    }

    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(LENGTH);
        header.write(buffer);
        return buffer.putShort((short) distanceMm)
                .put((byte) batteryPercent)
                .put((byte) temperature)
                .array();
    }
}
