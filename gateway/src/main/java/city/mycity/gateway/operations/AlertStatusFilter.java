package city.mycity.gateway.operations;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which alerts of the queue by status: {@link #UNRESOLVED} (open or acknowledged) unless asked otherwise. */
public enum AlertStatusFilter {
    OPEN("a.status = 'open'"),
    ACKNOWLEDGED("a.status = 'acknowledged'"),
    RESOLVED("a.status = 'resolved'"),
    UNRESOLVED("a.status <> 'resolved'"),
    ALL("true");

    private final String condition;

    AlertStatusFilter(String condition) {
        this.condition = condition;
    }

    /** The filter's name in the API, e.g. {@code unresolved}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The filter of this name, if there is one. */
    public static Optional<AlertStatusFilter> of(String code) {
        return Arrays.stream(values()).filter(f -> f.code().equals(code)).findFirst();
    }

    /** Whether an alert of this status passes. */
    public boolean matches(String status) {
        return switch (this) {
            case OPEN, ACKNOWLEDGED, RESOLVED -> code().equals(status);
            case UNRESOLVED -> !"resolved".equals(status);
            case ALL -> true;
        };
    }

    /** The filter as a condition on the alias {@code a} of table {@code alert}. */
    String condition() {
        return condition;
    }
}
