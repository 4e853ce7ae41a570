package city.mycity.edge.config;

/** A configuration the gateway will not apply, and why; the one it runs stays. */
public final class ConfigRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigRefusedException(String reason) {
        super(reason);
    }
}
