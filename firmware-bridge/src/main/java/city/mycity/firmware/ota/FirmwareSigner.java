package city.mycity.firmware.ota;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Signs firmware images with Ed25519 (the JDK's own), and checks an image against its manifest as a sensor does
 * before it applies it: the size, the SHA-256 and the signature over model, version, size and hash.
 */
public final class FirmwareSigner {

    private static final String ALGORITHM = "Ed25519";

    private FirmwareSigner() {}

    /** A new Ed25519 key pair: the private key signs at the council, the public key is built into the firmware. */
    public static KeyPair generateKeys() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM has no Ed25519: " + e.getMessage(), e);
        }
    }

    /** The signed manifest of {@code image}. */
    public static FirmwareManifest sign(FirmwareImage image, PrivateKey key) {
        byte[] bytes = image.bytes();
        FirmwareManifest unsigned =
                new FirmwareManifest(image.model(), image.version(), bytes.length, sha256(bytes), "");
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(unsigned.signedContent());
            return new FirmwareManifest(
                    unsigned.model(),
                    unsigned.version(),
                    unsigned.size(),
                    unsigned.sha256(),
                    Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Could not sign with this key: " + e.getMessage(), e);
        }
    }

    /**
     * Why {@code image} must not be applied, or empty when it matches {@code manifest} and the manifest's signature
     * is {@code key}'s.
     */
    public static Optional<String> refusal(FirmwareManifest manifest, byte[] image, PublicKey key) {
        if (image.length != manifest.size()) {
            return Optional.of("size " + image.length + " bytes, the manifest says " + manifest.size());
        }
        if (!MessageDigest.isEqual(
                sha256(image).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                manifest.sha256().getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            return Optional.of("SHA-256 does not match the manifest");
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(manifest.signedContent());
            if (!verifier.verify(Base64.getDecoder().decode(manifest.signature()))) {
                return Optional.of("bad signature: not signed with the firmware's key");
            }
            return Optional.empty();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.of("bad signature: " + e.getMessage());
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        }
    }
}
