package city.mycity.simulator.device;

/** The shapes daily patterns are drawn with, over the hour of day (0-24, wrapping at midnight). */
public final class Curves {

    private Curves() {}

    /** A bell centred on {@code centre} of the given width (one standard deviation, hours): 1 at the centre. */
    public static double bump(double hour, double centre, double width) {
        double d = Math.abs(hour - centre);
        d = Math.min(d, 24 - d);
        return Math.exp(-0.5 * (d / width) * (d / width));
    }

    /** A smooth step from 0 before {@code at} to 1 after it; {@code width} hours for most of the rise. */
    public static double rise(double hour, double at, double width) {
        return 1 / (1 + Math.exp(-(hour - at) / (width / 4)));
    }

    /** 1 between {@code from} and {@code to}, 0 outside, with smooth edges of the given width (hours). */
    public static double plateau(double hour, double from, double to, double width) {
        return rise(hour, from, width) * (1 - rise(hour, to, width));
    }

    public static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    /** The value rounded to the given number of decimals, to keep payloads short. */
    public static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
