package city.mycity.edge.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificate authorities the agent trusts for its broker's TLS certificate: the ones in a PEM file (a council's
 * own CA, as a gateway is usually given), or, without a file, the JVM's default trust store.
 */
final class BrokerTrust {

    private BrokerTrust() {}

    /**
     * A socket factory for TLS 1.2 or 1.3 that trusts only the certificates in {@code caFile}.
     *
     * @throws IllegalArgumentException when the file cannot be read or holds no certificate
     */
    static SSLSocketFactory trusting(Path caFile) {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (Certificate certificate : certificates(caFile)) {
                trusted.setCertificateEntry("ca-" + n++, certificate);
            }
            if (n == 0) {
                throw new IllegalArgumentException(
                        "The broker CA file " + caFile + " holds no certificate: give the PEM file of the CA that"
                                + " signed the broker's certificate.");
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("The broker CA file " + caFile + " is not usable: " + e.getMessage(), e);
        }
    }

    private static Collection<? extends Certificate> certificates(Path caFile) throws IOException {
        try (InputStream in = Files.newInputStream(caFile)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (java.security.cert.CertificateException e) {
            throw new IOException("not PEM or DER X.509 certificates (" + e.getMessage() + ")", e);
        }
    }
}
