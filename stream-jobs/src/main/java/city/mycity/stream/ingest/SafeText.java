package city.mycity.stream.ingest;

/**
 * Text that came from a device, made safe to store and to log: control characters (NUL above all, which PostgreSQL
 * text cannot hold) are dropped, a lone surrogate becomes U+FFFD, and the length is capped.
 */
final class SafeText {

    private static final char ELLIPSIS = '…';

    private SafeText() {}

    /**
     * The text without control characters, at most {@code maxChars} (at least 1) code points long, ending in an
     * ellipsis when cut; {@code null} stays {@code null}.
     */
    static String clean(String text, int maxChars) {
        if (text == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(Math.min(text.length(), maxChars));
        int kept = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isISOControl(c)) {
                continue;
            }
            if (kept == maxChars) {
                int last = clean.codePointBefore(clean.length());
                clean.setLength(clean.length() - Character.charCount(last));
                clean.append(ELLIPSIS);
                break;
            }
            clean.appendCodePoint(Character.getType(c) == Character.SURROGATE ? 0xFFFD : c);
            kept++;
        }
        return clean.toString();
    }

    static String[] clean(String[] texts, int maxChars) {
        if (texts == null) {
            return new String[0];
        }
        String[] clean = new String[texts.length];
        for (int i = 0; i < texts.length; i++) {
            clean[i] = clean(texts[i], maxChars);
        }
        return clean;
    }
}
