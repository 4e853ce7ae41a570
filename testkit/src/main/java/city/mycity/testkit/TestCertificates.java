package city.mycity.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away certificate authority and a server certificate it signed for {@code 127.0.0.1} and {@code localhost},
 * made with the {@code openssl} program (EC P-256, valid two days), a certificate of the same CA for another host, and
 * a second CA that signed nothing: what a test needs for a TLS broker and a client that trusts it, or not. {@link #available()} tells whether {@code openssl} is
 * here.
 */
public final class TestCertificates {

    private static final Path OPENSSL = Path.of("/usr/bin/openssl");

    private final Path folder;

    private TestCertificates(Path folder) {
        this.folder = folder;
    }

    public static boolean available() {
        return Files.isExecutable(OPENSSL);
    }

    /** Makes the authorities and the server certificate in {@code folder}. */
    public static TestCertificates create(Path folder) throws IOException {
        TestCertificates made = new TestCertificates(Files.createDirectories(folder));
        made.authority("ca", "MyCity test CA");
        made.authority("other-ca", "Somebody else's CA");
        Files.writeString(
                folder.resolve("server.ext"),
                "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n",
                StandardCharsets.UTF_8);
        made.server("server", "server.ext", "localhost");
        Files.writeString(
                folder.resolve("elsewhere.ext"),
                "subjectAltName=DNS:broker.elsewhere.example\nextendedKeyUsage=serverAuth\n",
                StandardCharsets.UTF_8);
        made.server("elsewhere", "elsewhere.ext", "broker.elsewhere.example");
        return made;
    }

    private void server(String name, String extensions, String commonName) throws IOException {
        openssl(
                "req",
                "-new",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-keyout",
                name + ".key",
                "-out",
                name + ".csr",
                "-subj",
                "/CN=" + commonName);
        openssl(
                "x509",
                "-req",
                "-in",
                name + ".csr",
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-days",
                "2",
                "-extfile",
                extensions,
                "-out",
                name + ".pem");
    }

    private void authority(String name, String commonName) throws IOException {
        openssl(
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-keyout",
                name + ".key",
                "-out",
                name + ".pem",
                "-days",
                "2",
                "-subj",
                "/CN=" + commonName);
    }

    /** The PEM certificate of the CA that signed the server's certificate. */
    public Path authority() {
        return folder.resolve("ca.pem");
    }

    /** The PEM certificate of a CA that signed nothing here: a client trusting only it refuses the server. */
    public Path otherAuthority() {
        return folder.resolve("other-ca.pem");
    }

    /** The server's PEM certificate. */
    public Path serverCertificate() {
        return folder.resolve("server.pem");
    }

    /** A certificate the same CA signed for another host only, {@code broker.elsewhere.example}. */
    public Path elsewhereCertificate() {
        return folder.resolve("elsewhere.pem");
    }

    public Path elsewhereKey() {
        return folder.resolve("elsewhere.key");
    }

    /** The server's PEM private key, unencrypted. */
    public Path serverKey() {
        return folder.resolve("server.key");
    }

    private void openssl(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(OPENSSL.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command)
                    .directory(folder.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IOException("openssl " + arguments[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted running openssl", e);
        }
    }
}
