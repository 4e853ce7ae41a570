package city.mycity.analytics.alert;

/**
 * What the lifecycle remembers of one problem's latest alert.
 *
 * @param id the alert's id
 * @param openedAt when it opened, epoch milliseconds of device time
 * @param resolvedAt when it was resolved, or -1 while it is open
 * @param reopened how many times it was reopened
 * @param changedAt when it last changed, epoch milliseconds of device time: never earlier than a change before it, so
 *     that a store keeping the newest change keeps this one, also when a late reading decided it
 */
public record AlertState(String id, long openedAt, long resolvedAt, int reopened, long changedAt) {

    public boolean isOpen() {
        return resolvedAt < 0;
    }
}
