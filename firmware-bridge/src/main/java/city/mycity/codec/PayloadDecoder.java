package city.mycity.codec;

import city.mycity.reading.SenmlCodec.Decoded;
import java.util.Set;

/**
 * Turns what one device sent, in one content format, into a SenML pack. One implementation per format or vendor,
 * each in its own sub-package; {@link PayloadDecoders} dispatches between them by content format.
 *
 * <p>Implementations never throw on bad input: a payload they cannot read comes back as a {@link Decoded} with the
 * reason and a sentence for the operator. They must be safe to call from many threads.
 */
public interface PayloadDecoder {

    /** The CoAP content formats (RFC 7252, section 12.3) this decoder reads. */
    Set<Integer> contentFormats();

    /**
     * Decodes one payload.
     *
     * @param device the device that sent it, which vendor formats need to name the SenML records
     * @param contentFormat the CoAP content format the payload came with, one of {@link #contentFormats()}
     * @param payload the bytes as received
     * @return the pack, or the reason the payload is refused
     */
    Decoded decode(DeviceRef device, int contentFormat, byte[] payload);
}
