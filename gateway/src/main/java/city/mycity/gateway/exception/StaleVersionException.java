package city.mycity.gateway.exception;

/** A change was made on a version of a thing that is no longer the stored one: read it again, then change it. */
public final class StaleVersionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StaleVersionException(String message) {
        super(message);
    }
}
