package city.mycity.reading;

import city.mycity.reading.internal.JsonSenmlCodec;

/** Turns SenML packs into bytes and back. Decoding never throws: a payload that is not SenML is a {@link Decoded}. */
public interface SenmlCodec {

    /** The codec for {@code application/senml+json} (RFC 8428, section 5). */
    static SenmlCodec json() {
        return JsonSenmlCodec.INSTANCE;
    }

    byte[] encode(SenmlPack pack);

    Decoded decode(byte[] payload);

    /** The outcome of decoding: a pack, or the reason the payload is not one. */
    record Decoded(SenmlPack pack, RefusalReason reason, String error) {

        public static Decoded ok(SenmlPack pack) {
            return new Decoded(pack, null, null);
        }

        /** The payload is not a SenML pack at all. */
        public static Decoded failed(String error) {
            return new Decoded(null, RefusalReason.MALFORMED_PAYLOAD, error);
        }

        /** The payload is a SenML pack, but a field has the wrong JSON type. */
        public static Decoded wrongType(String error) {
            return new Decoded(null, RefusalReason.WRONG_TYPE, error);
        }

        public boolean isOk() {
            return pack != null;
        }
    }
}
