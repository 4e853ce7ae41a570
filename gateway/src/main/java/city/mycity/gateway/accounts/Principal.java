package city.mycity.gateway.accounts;

/**
 * Who is logged in, as a request sees them.
 *
 * @param username the account
 * @param tenant the council the account belongs to: everything it sees and changes is that council's
 * @param role what it may do
 * @param csrfToken the token that must come back in a header with each request that changes something
 */
public record Principal(String username, String tenant, Role role, String csrfToken) {

    @Override
    public String toString() {
        return "Principal[" + username + ", " + tenant + ", " + role.code() + "]";
    }
}
