package city.mycity.routing.vrp;

/** A problem that cannot be solved as given, or a file that does not describe one; the message says why. */
public final class InvalidProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidProblemException(String message) {
        super(message);
    }
}
