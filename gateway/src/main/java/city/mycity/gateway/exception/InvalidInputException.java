package city.mycity.gateway.exception;

/** A field of a request is missing or wrong; the message says which and what it should be. */
public final class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field at fault, as the API names it. */
    public String field() {
        return field;
    }
}
