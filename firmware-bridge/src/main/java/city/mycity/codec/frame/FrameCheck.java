package city.mycity.codec.frame;

import java.util.Optional;

/**
 * What a codec checks before it reads a frame: its length, and the format version in its first byte. Each problem is
 * a sentence for the operator that names the frame and what was expected.
 */
public final class FrameCheck {

    private FrameCheck() {}

    /** Why {@code payload} is not a version-{@code version} {@code frame} of exactly {@code length} bytes, if it is not. */
    public static Optional<String> problem(String frame, byte[] payload, int version, int length) {
        if (payload.length != length) {
            return Optional.of("a " + frame + " is " + length + " bytes, but this payload has " + payload.length);
        }
        return versionProblem(frame, payload, version);
    }

    /**
     * Why {@code payload} is not a version-{@code version} {@code frame} of {@code minLength} to {@code maxLength}
     * bytes, if it is not.
     */
    public static Optional<String> problem(String frame, byte[] payload, int version, int minLength, int maxLength) {
        if (payload.length < minLength || payload.length > maxLength) {
            return Optional.of("a " + frame + " is " + minLength + " to " + maxLength + " bytes, but this payload has "
                    + payload.length);
        }
        return versionProblem(frame, payload, version);
    }

    /** Why a header's flags are not allowed, if any flag outside {@code allowed} (a bit mask) is set. */
    public static Optional<String> flagsProblem(String frame, FrameHeader header, int allowed) {
        if ((header.flags() & ~allowed) == 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                "reserved flag bits are set (0x%x) in a %s: the sensor runs a firmware this codec does not know",
                header.flags() & ~allowed, frame));
    }

    /** Why a battery byte is not a percentage, if it is above 100. */
    public static Optional<String> batteryProblem(String frame, int percent) {
        return percent <= 100
                ? Optional.empty()
                : Optional.of("a " + frame + " gives its battery in percent, but this one says " + percent);
    }

    private static Optional<String> versionProblem(String frame, byte[] payload, int version) {
        int found = Byte.toUnsignedInt(payload[0]) >>> 4;
        if (found != version) {
            return Optional.of("this " + frame + " has format version " + found + ", but this codec reads version "
                    + version + ": the sensor runs a firmware the gateway does not know");
        }
        return Optional.empty();
    }
}
