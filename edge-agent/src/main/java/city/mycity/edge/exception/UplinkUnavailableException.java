package city.mycity.edge.exception;

/**
 * The platform could not take a message now (broker unreachable, too many messages in flight, no PUBACK in time).
 * Nothing is wrong with the message: the device should send it again later.
 */
public class UplinkUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UplinkUnavailableException(String message) {
        super(message);
    }

    public UplinkUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
