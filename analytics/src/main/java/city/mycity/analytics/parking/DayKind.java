package city.mycity.analytics.parking;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Working days and weekends fill a car park differently, so profiles are kept apart by kind of day. */
public enum DayKind {
    WORKDAY,
    WEEKEND;

    public static DayKind of(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? WEEKEND : WORKDAY;
    }
}
