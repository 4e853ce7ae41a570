package city.mycity.launcher;

import city.mycity.citymodel.CityModel;
import city.mycity.embedded.internal.Secrets;
import city.mycity.gateway.accounts.Accounts;
import city.mycity.gateway.accounts.Role;
import java.util.Optional;
import javax.sql.DataSource;

/** The demo city's administrator account, so that a new user can log in to the operators' API at once. */
final class DemoAdmin {

    private DemoAdmin() {}

    /** {@code admin@<tenant>}. */
    static String username(CityModel city) {
        return "admin@" + city.tenant();
    }

    /** Creates the account with a new random password and returns it; empty when the account exists already. */
    static Optional<String> create(DataSource dataSource, CityModel city) {
        Accounts accounts = new Accounts(dataSource);
        if (accounts.find(city.tenant(), username(city)).isPresent()) {
            return Optional.empty();
        }
        String password = Secrets.randomPassword();
        accounts.create("mycity demo", city.tenant(), username(city), Role.ADMIN, "Demo administrator", password);
        return Optional.of(password);
    }
}
