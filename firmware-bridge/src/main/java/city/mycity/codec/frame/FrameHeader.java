package city.mycity.codec.frame;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * The 7 bytes every MyCity vendor frame starts with, big-endian:
 *
 * <pre>
 *  byte 0     bits 7-4: format version (1 to 15); bits 3-0: flags, whose meaning is the codec's
 *  bytes 1-4  measurement time, unsigned epoch seconds
 *  bytes 5-6  sequence number, unsigned, wraps at 65535
 * </pre>
 *
 * @param version the frame format's version, 1 to 15
 * @param flags four bits the codec gives a meaning to, 0 to 15
 * @param epochSeconds when the sensor measured, 0 to 2^32 - 1
 * @param sequence the sensor's counter, 0 to 65535
 */
public record FrameHeader(int version, int flags, long epochSeconds, int sequence) {

    /** The header's length in bytes. */
    public static final int LENGTH = 7;

    public FrameHeader {
        if (version < 1 || version > 15) {
            throw new IllegalArgumentException("Frame version must be 1 to 15, but was " + version);
        }
        if (flags < 0 || flags > 15) {
            throw new IllegalArgumentException("Frame flags must fit 4 bits, but were " + flags);
        }
        if (epochSeconds < 0 || epochSeconds > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("Frame time must fit 32 unsigned bits, but was " + epochSeconds);
        }
        if (sequence < 0 || sequence > 0xFFFF) {
            throw new IllegalArgumentException("Frame sequence must fit 16 unsigned bits, but was " + sequence);
        }
    }

    /** A version 1 header without flags. */
    public static FrameHeader of(long epochSeconds, int sequence) {
        return new FrameHeader(1, 0, epochSeconds, sequence);
    }

    /** Reads the header at the buffer's position, which has at least {@link #LENGTH} bytes left. */
    public static FrameHeader read(ByteBuffer buffer) {
        int first = Byte.toUnsignedInt(buffer.get());
        return new FrameHeader(
                first >>> 4,
                first & 0x0F,
                Integer.toUnsignedLong(buffer.getInt()),
                Short.toUnsignedInt(buffer.getShort()));
    }

    /** Writes the header at the buffer's position. */
    public void write(ByteBuffer buffer) {
        buffer.put((byte) (version << 4 | flags)).putInt((int) epochSeconds).putShort((short) sequence);
    }

    public Instant time() {
        return Instant.ofEpochSecond(epochSeconds);
    }
}
