package city.mycity.codec.trafficcounter;

import city.mycity.codec.frame.FrameHeader;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The frame of a roadside traffic counter (radar or induction loops) at the end of each counting interval: vehicles
 * per lane and their mean speed. 8 + 2 × lanes bytes (10 to 24), big-endian:
 *
 * <pre>
 *  byte 0       bits 7-4: format version, 1; bits 3-0: the number of lanes counted, 1 to 8
 *  bytes 1-4    end of the counting interval, unsigned epoch seconds
 *  bytes 5-6    sequence number, unsigned, wraps at 65535
 *  byte 7       mean speed of the vehicles counted, unsigned, km/h; 255: none passed, so no speed
 *  bytes 8-...  per lane, from the kerb outwards: vehicles counted, unsigned 16 bits
 * </pre>
 *
 * @param header time and sequence, and the number of lanes in its flags
 * @param meanSpeedKmh 0 to 254, or {@link #NO_SPEED}
 * @param laneCounts one count per lane, 0 to 65535
 */
public record CounterFrame(FrameHeader header, int meanSpeedKmh, List<Integer> laneCounts) {

    public static final int VERSION = 1;
    public static final int MAX_LANES = 8;
    /** The mean speed a counter sends when no vehicle passed. */
    public static final int NO_SPEED = 0xFF;

    public CounterFrame {
        laneCounts = List.copyOf(laneCounts);
        if (laneCounts.isEmpty() || laneCounts.size() > MAX_LANES || header.flags() != laneCounts.size()) {
            throw new IllegalArgumentException("A counter frame counts 1 to " + MAX_LANES
                    + " lanes, named in its flags, but had " + laneCounts.size() + " (flags " + header.flags() + ")");
        }
        if (meanSpeedKmh < 0 || meanSpeedKmh > 0xFF) {
            throw new IllegalArgumentException("Speed must fit 8 unsigned bits, but was " + meanSpeedKmh);
        }
        for (int count : laneCounts) {
            if (count < 0 || count > 0xFFFF) {
                throw new IllegalArgumentException("A lane count must fit 16 unsigned bits, but was " + count);
            }
        }
    }

    public static CounterFrame of(long epochSeconds, int sequence, int meanSpeedKmh, List<Integer> laneCounts) {
        return new CounterFrame(
                new FrameHeader(VERSION, laneCounts.size(), epochSeconds, sequence), meanSpeedKmh, laneCounts);
    }

    /** The frame's length in bytes for this many lanes. */
    public static int length(int lanes) {
        return FrameHeader.LENGTH + 1 + 2 * lanes;
    }

    public int total() {
        return laneCounts.stream().mapToInt(Integer::intValue).sum();
    }

    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(length(laneCounts.size()));
        header.write(buffer);
        buffer.put((byte) meanSpeedKmh);
        laneCounts.forEach(count -> buffer.putShort((short) (int) count));
        return buffer.array();
    }
}
