package city.mycity.gateway.exception;

/** The change clashes with what is stored: the thing exists already, or it changed since it was read. */
public final class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
