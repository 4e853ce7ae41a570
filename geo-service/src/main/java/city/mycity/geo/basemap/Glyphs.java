package city.mycity.geo.basemap;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The glyphs map labels are drawn with, served by the platform itself: signed distance fields of DejaVu Sans (and
 * Bold), 256 code points a range, in the protocol-buffer form MapLibre reads ({@code {fontstack}/{start}-{end}.pbf}).
 * Each range is drawn once, when first asked for, from the font the build unpacked into the classpath.
 */
public final class Glyphs {

    public static final List<String> FONTS = List.of("DejaVu Sans", "DejaVu Sans Bold");

    /** Glyphs are drawn at 24 px with 3 px of border, and the distance field reaches 8 px: MapLibre's convention. */
    static final int SIZE = 24;

    static final int BUFFER = 3;
    static final double RADIUS = 8;
    static final double CUTOFF = 0.25;

    private static final Map<String, String> FILES =
            Map.of("DejaVu Sans", "fonts/DejaVuSans.ttf", "DejaVu Sans Bold", "fonts/DejaVuSans-Bold.ttf");

    private final Map<String, Font> fonts = new ConcurrentHashMap<>();
    private final Map<String, byte[]> ranges = new ConcurrentHashMap<>();

    /** Whether the build unpacked the fonts (it does unless the npm package could not be fetched). */
    public boolean available() {
        return Glyphs.class.getResource(FILES.get(FONTS.get(0))) != null;
    }

    /**
     * The range of {@code start} (a multiple of 256, up to 65280) of the font stack (its first font that this serves),
     * or null when it serves none of its fonts.
     */
    public byte[] range(String fontstack, int start) {
        String font = null;
        for (String name : fontstack.split(",")) {
            if (FILES.containsKey(name.trim())) {
                font = name.trim();
                break;
            }
        }
        if (font == null) {
            return null;
        }
        String chosen = font;
        return ranges.computeIfAbsent(chosen + "/" + start, key -> draw(fontstack, chosen, start));
    }

    private byte[] draw(String fontstack, String name, int start) {
        Font font = fonts.computeIfAbsent(name, Glyphs::load).deriveFont((float) SIZE);
        FontRenderContext context = new FontRenderContext(null, true, true);
        ByteArrayOutputStream stack = new ByteArrayOutputStream();
        Protobuf.string(stack, 1, fontstack);
        Protobuf.string(stack, 2, start + "-" + (start + 255));
        for (int code = start; code <= start + 255; code++) {
            if (!font.canDisplay(code) || Character.isISOControl(code)) {
                continue;
            }
            Protobuf.message(stack, 3, glyph(font, context, code));
        }
        ByteArrayOutputStream glyphs = new ByteArrayOutputStream();
        Protobuf.message(glyphs, 1, stack.toByteArray());
        return glyphs.toByteArray();
    }

    private static byte[] glyph(Font font, FontRenderContext context, int code) {
        GlyphVector vector = font.createGlyphVector(context, new String(Character.toChars(code)));
        Rectangle2D bounds = vector.getVisualBounds();
        int advance = (int) Math.round(vector.getGlyphMetrics(0).getAdvance());
        int width = bounds.isEmpty() ? 0 : (int) Math.ceil(bounds.getMaxX()) - (int) Math.floor(bounds.getMinX());
        int height = bounds.isEmpty() ? 0 : (int) Math.ceil(bounds.getMaxY()) - (int) Math.floor(bounds.getMinY());
        int left = bounds.isEmpty() ? 0 : (int) Math.floor(bounds.getMinX());
        int top = bounds.isEmpty() ? 0 : -(int) Math.floor(bounds.getMinY());
        ByteArrayOutputStream glyph = new ByteArrayOutputStream();
        Protobuf.varint(glyph, 1, code);
        Protobuf.varint(glyph, 2, width);
        Protobuf.varint(glyph, 3, height);
        Protobuf.sint(glyph, 4, left);
        // MapLibre places a glyph's top relative to a baseline 24 px below the top of the line.
        Protobuf.sint(glyph, 5, top - SIZE);
        Protobuf.varint(glyph, 6, advance);
        if (width > 0 && height > 0) {
            Protobuf.bytes(glyph, 7, distanceField(vector, left, top, width, height));
        }
        return glyph.toByteArray();
    }

    /** The glyph's signed distance field, with its border: 191 on the outline, more inside, less outside. */
    private static byte[] distanceField(GlyphVector vector, int left, int top, int width, int height) {
        int w = width + 2 * BUFFER;
        int h = height + 2 * BUFFER;
        int scale = 2;
        BufferedImage image = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.scale(scale, scale);
            g.translate(BUFFER - left, BUFFER + top);
            g.setColor(java.awt.Color.WHITE);
            g.fill(vector.getOutline());
        } finally {
            g.dispose();
        }
        boolean[] inside = new boolean[w * scale * h * scale];
        for (int y = 0; y < h * scale; y++) {
            for (int x = 0; x < w * scale; x++) {
                inside[y * w * scale + x] = (image.getRaster().getSample(x, y, 0) & 0xff) > 127;
            }
        }
        byte[] field = new byte[w * h];
        int reach = (int) Math.ceil(RADIUS * scale);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sx = x * scale + scale / 2;
                int sy = y * scale + scale / 2;
                boolean in = inside[sy * w * scale + sx];
                double nearest = reach;
                for (int dy = -reach; dy <= reach; dy++) {
                    int yy = sy + dy;
                    if (yy < 0 || yy >= h * scale) {
                        continue;
                    }
                    for (int dx = -reach; dx <= reach; dx++) {
                        int xx = sx + dx;
                        if (xx < 0 || xx >= w * scale || inside[yy * w * scale + xx] == in) {
                            continue;
                        }
                        double d = Math.sqrt(dx * dx + dy * dy);
                        if (d < nearest) {
                            nearest = d;
                        }
                    }
                }
                double distance = (in ? -nearest : nearest) / scale;
                long value = Math.round(255 - 255 * (distance / RADIUS + CUTOFF));
                field[y * w + x] = (byte) Math.max(0, Math.min(255, value));
            }
        }
        return field;
    }

    private static Font load(String name) {
        try (InputStream in = Glyphs.class.getResourceAsStream(FILES.get(name))) {
            if (in == null) {
                throw new IllegalStateException("The font " + FILES.get(name) + " is not on the classpath: the build"
                        + " unpacks it from the npm package dejavu-fonts-ttf.");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("Could not read the font " + name + ": " + e.getMessage(), e);
        }
    }

    /** The few protocol-buffer encodings glyphs need. */
    static final class Protobuf {

        private Protobuf() {}

        static void varint(ByteArrayOutputStream out, int field, long value) {
            tag(out, field, 0);
            raw(out, value);
        }

        static void sint(ByteArrayOutputStream out, int field, int value) {
            varint(out, field, (value << 1) ^ (value >> 31));
        }

        static void string(ByteArrayOutputStream out, int field, String value) {
            bytes(out, field, value.getBytes(StandardCharsets.UTF_8));
        }

        static void message(ByteArrayOutputStream out, int field, byte[] message) {
            bytes(out, field, message);
        }

        static void bytes(ByteArrayOutputStream out, int field, byte[] value) {
            tag(out, field, 2);
            raw(out, value.length);
            out.write(value, 0, value.length);
        }

        private static void tag(ByteArrayOutputStream out, int field, int type) {
            raw(out, ((long) field << 3) | type);
        }

        private static void raw(ByteArrayOutputStream out, long value) {
            long v = value;
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }
    }
}
