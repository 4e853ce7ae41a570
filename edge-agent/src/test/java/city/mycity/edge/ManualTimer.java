package city.mycity.edge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link LingerTimer} whose time passes only when the test says so ({@link #runOut()}). */
final class ManualTimer implements LingerTimer {

    private final List<Task> tasks = new ArrayList<>();

    private static final class Task {
        private final Runnable runnable;
        private boolean cancelled;

        Task(Runnable runnable) {
            this.runnable = runnable;
        }
    }

    @Override
    public synchronized Scheduled schedule(Duration delay, Runnable task) {
        Task scheduled = new Task(task);
        tasks.add(scheduled);
        return () -> {
            synchronized (ManualTimer.this) {
                scheduled.cancelled = true;
            }
        };
    }

    /** Tasks scheduled and neither run nor cancelled. */
    synchronized int pending() {
        return (int) tasks.stream().filter(t -> !t.cancelled).count();
    }

    /** Lets every linger scheduled so far run out: runs the tasks not cancelled, in order. */
    void runOut() {
        List<Task> due;
        synchronized (this) {
            due = new ArrayList<>(tasks);
            tasks.clear();
        }
        for (Task task : due) {
            boolean cancelled;
            synchronized (this) {
                cancelled = task.cancelled;
            }
            if (!cancelled) {
                task.runnable.run();
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            tasks.clear();
        }
    }
}
