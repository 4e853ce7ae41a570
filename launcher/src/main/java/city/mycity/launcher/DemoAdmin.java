package city.mycity.launcher;

import city.mycity.citymodel.CityModel;
import city.mycity.embedded.internal.Secrets;
import city.mycity.gateway.accounts.Accounts;
import city.mycity.gateway.accounts.Role;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The demo city's administrator account, so that a new user can log in to the operators' API at once, and a refuse
 * crew account, so that the crews' rounds can be tried on a phone.
 */
final class DemoAdmin {

    private DemoAdmin() {}

    /** {@code admin@<tenant>}. */
    static String username(CityModel city) {
        return "admin@" + city.tenant();
    }

    /** {@code crew@<tenant>}. */
    static String crewUsername(CityModel city) {
        return "crew@" + city.tenant();
    }

    /** Creates the account with a new random password and returns it; empty when the account exists already. */
    static Optional<String> create(DataSource dataSource, CityModel city) {
        return create(dataSource, city, username(city), Role.ADMIN, "Demo administrator");
    }

    /** Creates the crew account with a new random password and returns it; empty when it exists already. */
    static Optional<String> createCrew(DataSource dataSource, CityModel city) {
        return create(dataSource, city, crewUsername(city), Role.CREW, "Demo refuse crew");
    }

    private static Optional<String> create(
            DataSource dataSource, CityModel city, String username, Role role, String displayName) {
        Accounts accounts = new Accounts(dataSource);
        if (accounts.find(city.tenant(), username).isPresent()) {
            return Optional.empty();
        }
        String password = Secrets.randomPassword();
        accounts.create("mycity demo", city.tenant(), username, role, displayName, password);
        return Optional.of(password);
    }
}
