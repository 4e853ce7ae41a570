package city.mycity.geo.rounds;

/** No such crew, no round of that crew on that day, or no such bin on the round: the HTTP layer answers 404. */
public final class NoSuchRoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoSuchRoundException(String message) {
        super(message);
    }
}
