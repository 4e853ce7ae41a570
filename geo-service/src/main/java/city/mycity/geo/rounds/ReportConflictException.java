package city.mycity.geo.rounds;

/**
 * A report that cannot be taken: the stop was reported already by another report, or the report's id was used for
 * another stop or outcome. The HTTP layer answers 409 with the stop as it is.
 */
public final class ReportConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient CrewStop current;

    public ReportConflictException(String message, CrewStop current) {
        super(message);
        this.current = current;
    }

    /** The stop as it is, or {@code null} when the report's id names another stop. */
    public CrewStop current() {
        return current;
    }
}
