package city.mycity.edge;

/**
 * What became of one message a device sent to the edge agent. Transport adapters map the {@link Status} to their own
 * answer (CoAP: 2.04, 4.00, 4.04, 4.13, 4.15, 5.03).
 *
 * @param detail a sentence for the device's operator; empty when forwarded
 */
public record ForwardResult(Status status, String detail) {

    public enum Status {
        /** The platform acknowledged the message, or the gateway's outbox stored it durably. */
        FORWARDED,
        /** The device identifier breaks {@link city.mycity.reading.Identifiers}. */
        INVALID_DEVICE,
        /** No gateway is known for the device, so it has no topic. */
        UNKNOWN_DEVICE,
        /** The payload is larger than the limit. */
        OVERSIZED,
        /** No decoder reads the payload's content format. */
        UNSUPPORTED_FORMAT,
        /** The payload could not be read in its content format. */
        MALFORMED,
        /** The platform could not take the message now; the device should retry. */
        UNAVAILABLE
    }

    static ForwardResult forwarded() {
        return new ForwardResult(Status.FORWARDED, "");
    }

    static ForwardResult of(Status status, String detail) {
        return new ForwardResult(status, detail);
    }
}
