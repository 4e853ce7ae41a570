package city.mycity.simulator.exception;

/**
 * The receiver refused a message, or did not acknowledge it in time. Check that the broker or edge agent runs, that
 * the credentials are right, and that the device's gateway may publish to its topic.
 */
public final class DeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeliveryException(String message) {
        super(message);
    }

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
