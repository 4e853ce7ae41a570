package city.mycity.gateway.exception;

/** The registry's database failed; the cause says how. */
public final class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
