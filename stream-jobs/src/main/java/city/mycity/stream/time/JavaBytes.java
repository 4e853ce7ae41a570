package city.mycity.stream.time;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * An analytic's own state (a detector with arrays and lists, which Flink's POJO serializer cannot take) kept in keyed
 * state as the bytes of its Java serialization.
 */
public final class JavaBytes {

    private JavaBytes() {}

    public static byte[] of(Serializable value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not serialize " + value.getClass().getName(), e);
        }
        return bytes.toByteArray();
    }

    /** The value back; {@code null} for {@code null}. */
    public static <T extends Serializable> T read(byte[] bytes, Class<T> type) {
        if (bytes == null) {
            return null;
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return type.cast(in.readObject());
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Could not read a " + type.getName() + " back from its state", e);
        }
    }
}
