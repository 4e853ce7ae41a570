package city.mycity.codec.bayframe;

import city.mycity.codec.ContentFormats;
import city.mycity.codec.DeviceRef;
import city.mycity.codec.PayloadDecoder;
import city.mycity.reading.SenmlCodec.Decoded;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.SenmlRecord;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;

/**
 * Decodes the 7-byte {@link BayFrame} into one SenML record: {@code occupied} in unit {@code /} (0 or 1), with the
 * frame's time as base time and its counter as MyCity's {@code seq}, named after the device that sent it.
 */
public final class BayFrameDecoder implements PayloadDecoder {

    @Override
    public Set<Integer> contentFormats() {
        return Set.of(ContentFormats.BAY_FRAME);
    }

    @Override
    public Decoded decode(DeviceRef device, int contentFormat, byte[] payload) {
        if (payload.length != BayFrame.LENGTH) {
            return Decoded.failed(
                    "a bay frame is " + BayFrame.LENGTH + " bytes, but this payload has " + payload.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        int flags = Byte.toUnsignedInt(buffer.get());
        if ((flags & ~BayFrame.OCCUPIED) != 0) {
            return Decoded.failed(String.format(
                    "reserved flag bits are set (0x%02x): the frame is from a firmware this decoder does not know",
                    flags));
        }
        BayFrame frame = new BayFrame(
                (flags & BayFrame.OCCUPIED) != 0,
                Integer.toUnsignedLong(buffer.getInt()),
                Short.toUnsignedInt(buffer.getShort()));
        return Decoded.ok(SenmlPack.of(
                device.tenant(),
                device.device(),
                frame.time(),
                frame.sequence(),
                List.of(SenmlRecord.measurement("occupied", frame.occupied() ? 1 : 0, "/"))));
    }
}
