package city.mycity.codec;

import city.mycity.reading.SenmlCodec.Decoded;
import city.mycity.reading.SensorKind;

/**
 * Reads the compact byte frames of one family of low-power sensors into SenML, given the device's profile (which
 * names the codec and carries what the frame leaves out, such as a bin's depth). One implementation per vendor format,
 * each in its own sub-package with its frame's byte layout; {@link FrameCodecs} holds them by name, and {@link
 * ProfileDecoder} picks one per device.
 *
 * <p>Implementations never throw on bad input: a truncated, oversized or garbage frame comes back as a {@link Decoded}
 * with the reason and a sentence for the operator. They must be safe to call from many threads.
 */
public interface FrameCodec {

    /** The name a {@link DeviceProfile} gives, e.g. {@code parking-puck}. */
    String name();

    /** The kind of sensor whose frames this codec reads. */
    SensorKind kind();

    /** Decodes one frame of {@code device}, whose profile names this codec. */
    Decoded decode(DeviceRef device, DeviceProfile profile, byte[] frame);
}
