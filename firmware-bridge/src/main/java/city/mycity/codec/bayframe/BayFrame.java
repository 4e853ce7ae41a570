package city.mycity.codec.bayframe;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * The compact frame of a battery-powered parking-bay sensor: 7 bytes, big-endian.
 *
 * <pre>
 *  byte 0     flags: bit 0 = occupied, bits 1-7 reserved (0)
 *  bytes 1-4  measurement time, unsigned epoch seconds
 *  bytes 5-6  sequence number, unsigned, wraps at 65535
 * </pre>
 *
 * @param occupied whether a vehicle stands on the bay
 * @param epochSeconds when the sensor measured, 0 to 2^32 - 1
 * @param sequence the sensor's counter, 0 to 65535
 */
public record BayFrame(boolean occupied, long epochSeconds, int sequence) {

    /** The frame's length in bytes. */
    public static final int LENGTH = 7;

    static final int OCCUPIED = 0x01;

    public BayFrame {
        if (epochSeconds < 0 || epochSeconds > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("Frame time must fit 32 unsigned bits, but was " + epochSeconds);
        }
        if (sequence < 0 || sequence > 0xFFFF) {
            throw new IllegalArgumentException("Frame sequence must fit 16 unsigned bits, but was " + sequence);
        }
    }

    public Instant time() {
        return Instant.ofEpochSecond(epochSeconds);
    }

    /** The frame as a sensor sends it (used by the simulator and tests). */
    public byte[] toBytes() {
        return ByteBuffer.allocate(LENGTH)
                .put((byte) (occupied ? OCCUPIED : 0))
                .putInt((int) epochSeconds)
                .putShort((short) sequence)
                .array();
    }
}
