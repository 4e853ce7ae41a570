package city.mycity.codec;

import city.mycity.codec.bayframe.BayFrameDecoder;
import city.mycity.codec.senml.SenmlJsonDecoder;
import city.mycity.reading.SenmlCodec.Decoded;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The dispatching decoder: picks the decoder registered for the payload's content format. Thread-safe. */
public final class PayloadDecoders implements PayloadDecoder {

    private final Map<Integer, PayloadDecoder> byFormat;

    private PayloadDecoders(Map<Integer, PayloadDecoder> byFormat) {
        this.byFormat = Map.copyOf(byFormat);
    }

    /** Every decoder this module ships: SenML JSON (110 and 50) and the parking-bay frame (65001). */
    public static PayloadDecoders defaults() {
        return of(List.of(new SenmlJsonDecoder(), new BayFrameDecoder()));
    }

    /**
     * Every decoder this module ships, and vendor frames (42) read by the codec each device's profile names (see
     * {@link ProfileDecoder}, {@link FrameCodecs#defaults()}).
     *
     * @throws IllegalArgumentException when a profile names a codec that does not exist
     */
    public static PayloadDecoders withProfiles(DeviceProfiles profiles) {
        return of(List.of(
                new SenmlJsonDecoder(), new BayFrameDecoder(), new ProfileDecoder(profiles, FrameCodecs.defaults())));
    }

    /**
     * A dispatcher over the given decoders.
     *
     * @throws IllegalArgumentException when two decoders claim the same content format
     */
    public static PayloadDecoders of(List<? extends PayloadDecoder> decoders) {
        Map<Integer, PayloadDecoder> byFormat = new LinkedHashMap<>();
        for (PayloadDecoder decoder : decoders) {
            for (int format : decoder.contentFormats()) {
                PayloadDecoder previous = byFormat.putIfAbsent(format, decoder);
                if (previous != null) {
                    throw new IllegalArgumentException("Content format " + format + " is claimed by both "
                            + previous.getClass().getSimpleName() + " and "
                            + decoder.getClass().getSimpleName()
                            + ": register one decoder per format.");
                }
            }
        }
        return new PayloadDecoders(byFormat);
    }

    @Override
    public Set<Integer> contentFormats() {
        return byFormat.keySet();
    }

    /** Whether some decoder reads this content format. */
    public boolean supports(int contentFormat) {
        return byFormat.containsKey(contentFormat);
    }

    @Override
    public Decoded decode(DeviceRef device, int contentFormat, byte[] payload) {
        PayloadDecoder decoder = byFormat.get(contentFormat);
        if (decoder == null) {
            return Decoded.failed("content format " + contentFormat + " is not supported; supported are "
                    + byFormat.keySet().stream().sorted().toList());
        }
        try {
            return decoder.decode(device, contentFormat, payload == null ? new byte[0] : payload);
        } catch (RuntimeException e) {
            // A decoder must not throw; if one does, the payload is still just refused.
            return Decoded.failed(decoder.getClass().getSimpleName() + " failed: " + e);
        }
    }
}
