package city.mycity.codec;

/**
 * CoAP content-format numbers (RFC 7252, section 12.3; IANA "CoAP Content-Formats") the platform knows.
 * Numbers from 65000 are for experimental use: MyCity's vendor frames live there until they are registered.
 */
public final class ContentFormats {

    /**
     * {@code application/octet-stream} (42): a vendor frame, read by the codec that the device's profile names (see
     * {@link ProfileDecoder}).
     */
    public static final int OCTET_STREAM = 42;
    /** {@code application/json} (50): accepted as SenML JSON from devices that cannot send 110. */
    public static final int JSON = 50;
    /** {@code application/senml+json} (110, RFC 8428). */
    public static final int SENML_JSON = 110;
    /** {@code application/x.mycity.bay-frame}: the 7-byte parking-bay frame, see {@code codec.bayframe}. */
    public static final int BAY_FRAME = 65001;

    private ContentFormats() {}

    /** Whether payloads of this format are SenML JSON already and can travel on unchanged. */
    public static boolean isSenmlJson(int contentFormat) {
        return contentFormat == SENML_JSON || contentFormat == JSON;
    }
}
