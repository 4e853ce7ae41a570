package city.mycity.testkit.internal;

import java.util.Optional;

/** Reads the test environment: an environment variable, or a system property of the same name (handy in an IDE). */
public final class Environment {

    private Environment() {}

    public static Optional<String> find(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public static String orNull(String name) {
        return find(name).orElse(null);
    }
}
