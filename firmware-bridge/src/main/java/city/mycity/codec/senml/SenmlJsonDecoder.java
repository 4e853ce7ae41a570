package city.mycity.codec.senml;

import city.mycity.codec.ContentFormats;
import city.mycity.codec.DeviceRef;
import city.mycity.codec.PayloadDecoder;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlCodec.Decoded;
import java.util.Set;

/**
 * SenML JSON (RFC 8428) as sent by devices that speak the platform's format already: {@code application/senml+json}
 * (110), and {@code application/json} (50) for firmware that cannot set 110. The pack is read, not changed: checking
 * it against the registry is the stream job's work.
 */
public final class SenmlJsonDecoder implements PayloadDecoder {

    private final SenmlCodec codec = SenmlCodec.json();

    @Override
    public Set<Integer> contentFormats() {
        return Set.of(ContentFormats.SENML_JSON, ContentFormats.JSON);
    }

    @Override
    public Decoded decode(DeviceRef device, int contentFormat, byte[] payload) {
        return codec.decode(payload);
    }
}
