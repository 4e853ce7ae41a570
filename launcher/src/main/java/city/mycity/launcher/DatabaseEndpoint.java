package city.mycity.launcher;

/**
 * The PostgreSQL database the demo uses.
 *
 * @param embedded whether the demo started the database itself
 */
public record DatabaseEndpoint(String jdbcUrl, String user, String password, boolean embedded) {}
