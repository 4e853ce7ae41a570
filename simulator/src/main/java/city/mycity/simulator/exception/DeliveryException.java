package city.mycity.simulator.exception;

/**
 * The receiver refused a message, or did not acknowledge it in time. Check that the broker or edge agent runs, that
 * the credentials are right, and that the device's gateway may publish to its topic.
 */
public final class DeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean refusedForGood;

    public DeliveryException(String message) {
        this(message, false);
    }

    /** @param refusedForGood whether the receiver would refuse the same message again (a 4.xx, not a 5.xx) */
    public DeliveryException(String message, boolean refusedForGood) {
        super(message);
        this.refusedForGood = refusedForGood;
    }

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
        this.refusedForGood = false;
    }

    /** Whether sending the same message again is pointless: the receiver refused it, not merely failed to answer. */
    public boolean refusedForGood() {
        return refusedForGood;
    }
}
