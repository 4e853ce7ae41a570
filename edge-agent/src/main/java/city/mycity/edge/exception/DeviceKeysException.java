package city.mycity.edge.exception;

/** The sensors' keys could not be read, or one is not fit for use: the message names the file and line, never a key. */
public final class DeviceKeysException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeviceKeysException(String message) {
        super(message);
    }

    public DeviceKeysException(String message, Throwable cause) {
        super(message, cause);
    }
}
