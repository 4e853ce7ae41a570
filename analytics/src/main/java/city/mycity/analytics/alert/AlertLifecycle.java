package city.mycity.analytics.alert;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns one problem's signals into alerts: one alert per problem, not one per reading.
 *
 * <ul>
 *   <li>a raise opens an alert; further raises while it is open change nothing;
 *   <li>a clear resolves the open alert; a clear without an open alert changes nothing;
 *   <li>a raise within {@code reopenWithin} of the resolution reopens the same alert (a problem that flaps is one
 *       problem); a later raise opens a new one.
 * </ul>
 *
 * An alert's id is derived from its problem and its opening time, so that a replay of the same signals after a failure
 * gives the same ids and writes over the same rows: no alert is doubled. Immutable; serializable.
 */
public final class AlertLifecycle implements Serializable {

    private static final long serialVersionUID = 1L;

    /** By default, a problem back within an hour of its resolution reopens its alert. */
    public static final Duration DEFAULT_REOPEN_WITHIN = Duration.ofHours(1);

    private final long reopenWithinMillis;

    public AlertLifecycle() {
        this(DEFAULT_REOPEN_WITHIN);
    }

    public AlertLifecycle(Duration reopenWithin) {
        if (reopenWithin.isNegative()) {
            throw new IllegalArgumentException("Reopen window must not be negative, but was " + reopenWithin);
        }
        this.reopenWithinMillis = reopenWithin.toMillis();
    }

    /** A signal's effect: the state to keep and the change to write, or nothing when nothing changes. */
    public record Transition(AlertState state, AlertChange change) {}

    /** What {@code signal} does to the problem whose latest alert is {@code state} ({@code null}: none yet). */
    public Optional<Transition> on(AlertState state, AlertSignal signal) {
        long at = signal.at().toEpochMilli();
        if (signal.raised()) {
            if (state != null && state.isOpen()) {
                return Optional.empty();
            }
            if (state != null && at - state.resolvedAt() <= reopenWithinMillis && at >= state.resolvedAt()) {
                AlertState reopened = new AlertState(
                        state.id(), state.openedAt(), -1, state.reopened() + 1, Math.max(at, state.changedAt()));
                return Optional.of(new Transition(reopened, change(reopened, signal, AlertChange.OPEN)));
            }
            AlertState opened = new AlertState(
                    idOf(signal.key(), at), at, -1, 0, Math.max(at, state == null ? at : state.changedAt()));
            return Optional.of(new Transition(opened, change(opened, signal, AlertChange.OPEN)));
        }
        if (state == null || !state.isOpen()) {
            return Optional.empty();
        }
        long resolvedAt = Math.max(at, state.openedAt());
        AlertState resolved = new AlertState(
                state.id(), state.openedAt(), resolvedAt, state.reopened(), Math.max(resolvedAt, state.changedAt()));
        return Optional.of(new Transition(resolved, change(resolved, signal, AlertChange.RESOLVED)));
    }

    static String idOf(String key, long openedAt) {
        return UUID.nameUUIDFromBytes((key + '@' + openedAt).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static AlertChange change(AlertState state, AlertSignal signal, String status) {
        return new AlertChange(
                state.id(),
                signal.tenant(),
                signal.subject(),
                signal.problem(),
                signal.severity(),
                status,
                Instant.ofEpochMilli(state.openedAt()),
                state.isOpen() ? null : Instant.ofEpochMilli(state.resolvedAt()),
                Instant.ofEpochMilli(state.changedAt()),
                state.reopened(),
                signal.detail(),
                signal.latitude(),
                signal.longitude());
    }
}
