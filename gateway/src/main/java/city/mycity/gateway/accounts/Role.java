package city.mycity.gateway.accounts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a person may do for their council, each role including the ones before it. The public needs no account: it
 * reads the open API.
 */
public enum Role {
    /** A refuse crew member: sees the council's devices and its own rounds. */
    CREW,
    /** Operations-centre staff: manages devices and gateways, acknowledges alerts. */
    OPERATOR,
    /** The council's administrator: manages accounts too. */
    ADMIN;

    /** Whether this role may do what {@code needed} may. */
    public boolean includes(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** The role's name as the API and the database write it: {@code crew}, {@code operator}, {@code admin}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }
}
