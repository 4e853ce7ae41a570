package city.mycity.geo;

/** A request parameter is missing or out of range; the HTTP layer answers 400 with a problem document. */
public final class InvalidParameterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The name of the offending query parameter. */
    public String parameter() {
        return parameter;
    }
}
