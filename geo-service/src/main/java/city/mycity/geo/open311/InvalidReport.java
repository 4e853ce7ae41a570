package city.mycity.geo.open311;

/** A problem report that cannot be taken as it is: which field, and what to change. Answered 400. */
public final class InvalidReport extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidReport(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
