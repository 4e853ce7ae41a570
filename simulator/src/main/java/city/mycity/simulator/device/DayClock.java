package city.mycity.simulator.device;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/** Turns simulated epoch milliseconds into the local hour of day and weekday that daily patterns follow. */
public final class DayClock {

    private static final long SECONDS_PER_DAY = 86_400;

    private final ZoneRules rules;

    public DayClock(ZoneId zone) {
        this.rules = zone.getRules();
    }

    /** The local time of day in hours, from 0 (midnight) up to but excluding 24. */
    public double hourOfDay(long epochMillis) {
        long local = localSeconds(epochMillis);
        return Math.floorMod(local, SECONDS_PER_DAY) / 3600.0 + Math.floorMod(epochMillis, 1000) / 3_600_000.0;
    }

    public DayOfWeek dayOfWeek(long epochMillis) {
        long day = Math.floorDiv(localSeconds(epochMillis), SECONDS_PER_DAY);
        // 1970-01-01 was a Thursday.
        return DayOfWeek.of((int) Math.floorMod(day + 3, 7) + 1);
    }

    public boolean isWeekend(long epochMillis) {
        DayOfWeek day = dayOfWeek(epochMillis);
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    /** The local day number (days since 1970-01-01 in local time), to tell one day's events from the next. */
    public long localDay(long epochMillis) {
        return Math.floorDiv(localSeconds(epochMillis), SECONDS_PER_DAY);
    }

    /** The epoch milliseconds of the given local day at the given hour of day. */
    public long at(long localDay, double hourOfDay) {
        long localMillis = localDay * SECONDS_PER_DAY * 1000 + Math.round(hourOfDay * 3_600_000);
        long guess =
                localMillis - rules.getOffset(Instant.ofEpochMilli(localMillis)).getTotalSeconds() * 1000L;
        return localMillis - rules.getOffset(Instant.ofEpochMilli(guess)).getTotalSeconds() * 1000L;
    }

    private long localSeconds(long epochMillis) {
        long seconds = Math.floorDiv(epochMillis, 1000);
        return seconds + rules.getOffset(Instant.ofEpochMilli(epochMillis)).getTotalSeconds();
    }
}
