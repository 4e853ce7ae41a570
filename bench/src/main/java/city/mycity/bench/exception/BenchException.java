package city.mycity.bench.exception;

/** A bench could not run: a service would not start, a database could not be created. The message says what to do. */
public class BenchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BenchException(String message) {
        super(message);
    }

    public BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
