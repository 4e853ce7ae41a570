package city.mycity.analytics.alert;

import java.time.Instant;

/**
 * An analytic's word on one problem of one subject: it started ({@code raised}) or it is over. Analytics send a signal
 * when their view changes, with hysteresis of their own; the alert lifecycle turns signals into one alert per problem.
 *
 * @param subject what has the problem: a device, a car park, a road segment
 * @param problem the problem's code, e.g. {@code leak}, {@code offline}
 * @param at device time of the reading that decided it
 * @param detail what was measured, for an operator
 * @param latitude where, or NaN when unknown
 */
public record AlertSignal(
        String tenant,
        String subject,
        String problem,
        Severity severity,
        boolean raised,
        Instant at,
        String detail,
        double latitude,
        double longitude) {

    /** The key of the problem's alerts: {@code tenant/subject/problem}. */
    public String key() {
        return tenant + '/' + subject + '/' + problem;
    }
}
