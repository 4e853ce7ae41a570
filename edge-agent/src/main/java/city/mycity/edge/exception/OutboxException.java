package city.mycity.edge.exception;

/** The gateway's outbox could not store, read or remove messages: its file, its disk or its directory is at fault. */
public final class OutboxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OutboxException(String message) {
        super(message);
    }

    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
