package city.mycity.gateway.brokeraccess.mosquitto;

import city.mycity.gateway.brokeraccess.BrokerAccount;
import city.mycity.gateway.brokeraccess.TopicGrant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Mosquitto's {@code password_file} and {@code acl_file}, written from the registry's live accounts: each account has
 * exactly its own topics ({@code user} then {@code topic read|write} lines) and nobody else has any. Each file is
 * written beside itself and moved into place in one step, owner-only, so that Mosquitto never reads half a file;
 * Mosquitto reads them again on SIGHUP.
 */
public final class MosquittoAccessFiles {

    public static final String PASSWORDS = "passwd";
    public static final String ACL = "acl";

    private MosquittoAccessFiles() {}

    /** Writes both files into the folder. */
    public static void write(Path folder, List<BrokerAccount> accounts) {
        StringBuilder passwords = new StringBuilder();
        StringBuilder acl = new StringBuilder("# Written by MyCity from its device registry: changes here are lost.\n");
        for (BrokerAccount account : accounts) {
            passwords
                    .append(account.identity())
                    .append(':')
                    .append(account.passwordHash())
                    .append('\n');
            acl.append("\nuser ").append(account.identity()).append('\n');
            for (TopicGrant grant : account.grants()) {
                acl.append("topic ")
                        .append(grant.access() == TopicGrant.Access.READ ? "read " : "write ")
                        .append(grant.filter())
                        .append('\n');
            }
        }
        replace(folder.resolve(PASSWORDS), passwords.toString());
        replace(folder.resolve(ACL), acl.toString());
    }

    private static void replace(Path file, String text) {
        try {
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.writeString(next, text, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // A file system without POSIX permissions: the folder's own protect it.
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}
