package city.mycity.edge.exception;

/**
 * The broker refused a message for good (a PUBACK reason code such as 0x87 not authorized, 0x90 topic name invalid or
 * 0x99 payload format invalid, or a packet larger than the broker takes): sending it again would be refused again.
 * Unlike {@link UplinkUnavailableException}, waiting does not help; the message needs an operator.
 */
public final class MessageRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int reasonCode;

    public MessageRefusedException(int reasonCode, String message) {
        super(message);
        this.reasonCode = reasonCode;
    }

    /** The MQTT v5 reason code the broker (or the client, for a packet too large) gave. */
    public int reasonCode() {
        return reasonCode;
    }
}
