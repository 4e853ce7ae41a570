package city.mycity.geo.open311;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Photos of problem reports, made safe to publish: decoded and drawn again as a new JPEG, which keeps the picture and
 * nothing else (no EXIF, no GPS position, no camera serial, no comments), at most {@link #MAX_SIDE} pixels on its long
 * side. A file that is not a JPEG, PNG or GIF image, is larger than the limit, or claims more than {@link
 * #MAX_PIXELS} pixels (a decompression bomb) is refused before it is decoded.
 */
public final class Photos {

    /** By default, photos of at most 5 MiB are taken. */
    public static final int DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

    static final int MAX_SIDE = 2048;
    static final long MAX_PIXELS = 40_000_000L;

    private final int maxBytes;

    public Photos(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** A photo to store: a JPEG and its size. */
    public record Photo(byte[] jpeg, int width, int height) {}

    /** The photo, drawn again without its metadata; an {@link InvalidReport} when it is not one this takes. */
    public Photo clean(byte[] bytes) {
        if (bytes.length > maxBytes) {
            throw new InvalidReport("media", "The photo is " + bytes.length + " bytes; the limit is " + maxBytes + ".");
        }
        BufferedImage image = decode(bytes);
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage clean = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = clean.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, java.awt.Color.WHITE, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(clean, "jpeg", out);
        } catch (IOException e) {
            throw new IllegalStateException("Could not encode a JPEG in memory", e);
        }
        return new Photo(out.toByteArray(), width, height);
    }

    private static BufferedImage decode(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                throw new InvalidReport("media", "The photo is not a JPEG, PNG or GIF image.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
                if (!format.equals("jpeg") && !format.equals("png") && !format.equals("gif")) {
                    throw new InvalidReport("media", "The photo is a " + format + " image; send a JPEG, PNG or GIF.");
                }
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new InvalidReport(
                            "media", "The photo claims " + pixels + " pixels; the limit is " + MAX_PIXELS + ".");
                }
                // Decode no more pixels than the photo kept needs: every n-th row and column of a large one.
                int side = Math.max(reader.getWidth(0), reader.getHeight(0));
                javax.imageio.ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, (int) Math.ceil((double) side / MAX_SIDE));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                if (image == null) {
                    throw new InvalidReport("media", "The photo could not be read.");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidReport invalid) {
                throw invalid;
            }
            throw new InvalidReport("media", "The photo could not be read as an image: " + e.getMessage());
        }
    }
}
