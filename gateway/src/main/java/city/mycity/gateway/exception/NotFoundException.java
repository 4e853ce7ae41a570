package city.mycity.gateway.exception;

/** Nothing of that name exists for this council (another council's things are not found either). */
public final class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
