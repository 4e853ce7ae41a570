package city.mycity.firmware.ota;

import java.util.Comparator;

/**
 * Firmware versions in dotted numbers ({@code 2.4.1}), compared number by number ({@code 2.10.0} is newer than {@code
 * 2.9.3}); a part that is not a number compares as text. A sensor takes only a newer version: an old image that
 * still carries a valid signature must not roll it back.
 */
public final class FirmwareVersions {

    /** Orders versions from oldest to newest. */
    public static final Comparator<String> ORDER = FirmwareVersions::compare;

    private FirmwareVersions() {}

    /** Whether {@code candidate} is newer than {@code current}. */
    public static boolean newer(String candidate, String current) {
        return compare(candidate, current) > 0;
    }

    private static int compare(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            String l = i < left.length ? left[i] : "0";
            String r = i < right.length ? right[i] : "0";
            int order = l.matches("\\d{1,9}") && r.matches("\\d{1,9}")
                    ? Integer.compare(Integer.parseInt(l), Integer.parseInt(r))
                    : l.compareTo(r);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }
}
