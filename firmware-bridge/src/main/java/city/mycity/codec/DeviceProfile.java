package city.mycity.codec;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * How a gateway reads one device: the {@link FrameCodec} its frames need, and the settings the frame leaves out
 * ({@code depth-mm} for a bin). Written in a profiles file as {@code codec [key=value ...]}, e.g. {@code ultrasonic-bin
 * depth-mm=1100}.
 *
 * @param codec the name of the codec
 * @param settings the device's settings, by key
 */
public record DeviceProfile(String codec, Map<String, String> settings) {

    /** What a profile's text can carry: no space of any kind, no control character (a key no '=' either). */
    private static final Pattern WORD = Pattern.compile("[^\\p{javaWhitespace}\\p{javaISOControl}]+");

    private static final Pattern KEY = Pattern.compile("[^\\p{javaWhitespace}\\p{javaISOControl}=]+");

    public DeviceProfile {
        if (codec == null || codec.isBlank()) {
            throw new IllegalArgumentException("A device profile must name its codec.");
        }
        if (!WORD.matcher(codec).matches()) {
            throw new IllegalArgumentException(
                    "A device profile's codec must be one word without spaces or control characters: '" + codec + "'.");
        }
        settings = Map.copyOf(settings);
        settings.forEach((key, value) -> {
            if (!KEY.matcher(key).matches() || !WORD.matcher(value).matches()) {
                throw new IllegalArgumentException("Profile setting '" + key + "=" + value
                        + "' must be key=value, each one word without spaces or control characters.");
            }
        });
    }

    public static DeviceProfile of(String codec) {
        return new DeviceProfile(codec, Map.of());
    }

    /** Parses {@code codec [key=value ...]}, separated by spaces. */
    public static DeviceProfile parse(String text) {
        String[] words = text.trim().split("\\s+");
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        for (int i = 1; i < words.length; i++) {
            int equals = words[i].indexOf('=');
            if (equals < 1 || equals == words[i].length() - 1) {
                throw new IllegalArgumentException(
                        "Profile setting '" + words[i] + "' is not key=value (in '" + text.trim() + "').");
            }
            if (settings.put(words[i].substring(0, equals), words[i].substring(equals + 1)) != null) {
                throw new IllegalArgumentException("Profile setting '" + words[i].substring(0, equals)
                        + "' is given twice (in '" + text.trim() + "').");
            }
        }
        return new DeviceProfile(words[0], settings);
    }

    /** The profile as a profiles file writes it, {@code codec [key=value ...]}: what {@link #parse} reads. */
    public String toText() {
        StringBuilder text = new StringBuilder(codec);
        settings.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append(' ').append(e.getKey()).append('=').append(e.getValue()));
        return text.toString();
    }

    /** The setting as a number, if it is set and is a finite one ({@code NaN} and {@code Infinity} are not). */
    public OptionalDouble number(String key) {
        String value = settings.get(key);
        if (value == null) {
            return OptionalDouble.empty();
        }
        try {
            double number = Double.parseDouble(value);
            return Double.isFinite(number) ? OptionalDouble.of(number) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
