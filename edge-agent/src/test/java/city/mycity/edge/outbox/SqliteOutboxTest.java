package city.mycity.edge.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox against a real SQLite file. */
class SqliteOutboxTest {

    @TempDir
    Path dir;

    private static byte[] senml(String device, int value) {
        return ("[{\"bn\":\"urn:dev:mycity:t:" + device + ":\",\"n\":\"fill\",\"v\":" + value + "}]")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static long store(Outbox outbox, String device, int value) throws Exception {
        return outbox.append("gw-1", device, true, senml(device, value), 1)
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void gives_messages_back_in_the_order_they_came_and_forgets_them_once_removed() throws Exception {
        try (SqliteOutbox outbox = SqliteOutbox.open(dir.resolve("outbox.db"), 1000, 1_000_000)) {
            long first = store(outbox, "bin-1", 10);
            long second = store(outbox, "bin-2", 20);
            long third = store(outbox, "bin-1", 11);

            List<OutboxEntry> all = outbox.after(0, 100, 100_000);
            assertThat(all).extracting(OutboxEntry::id).containsExactly(first, second, third);
            assertThat(all).extracting(OutboxEntry::device).containsExactly("bin-1", "bin-2", "bin-1");
            assertThat(outbox.after(first, 100, 100_000))
                    .extracting(OutboxEntry::id)
                    .containsExactly(second, third);

            outbox.remove(all.subList(0, 2));

            assertThat(outbox.after(0, 100, 100_000))
                    .extracting(OutboxEntry::id)
                    .containsExactly(third);
            assertThat(outbox.state().messages()).isEqualTo(1);
            assertThat(outbox.state().readings()).isEqualTo(1);
        }
    }

    @Test
    void a_stored_message_is_still_there_after_the_agent_stops_and_starts_again() throws Exception {
        Path file = dir.resolve("outbox.db");
        try (SqliteOutbox outbox = SqliteOutbox.open(file, 1000, 1_000_000)) {
            store(outbox, "bin-1", 10);
            store(outbox, "bin-2", 20);
        }

        try (SqliteOutbox reopened = SqliteOutbox.open(file, 1000, 1_000_000)) {
            assertThat(reopened.state().messages()).isEqualTo(2);
            List<OutboxEntry> entries = reopened.after(0, 100, 100_000);
            assertThat(entries)
                    .extracting(e -> new String(e.senml(), StandardCharsets.UTF_8))
                    .containsExactly(
                            new String(senml("bin-1", 10), StandardCharsets.UTF_8),
                            new String(senml("bin-2", 20), StandardCharsets.UTF_8));
            long next = store(reopened, "bin-3", 30);
            assertThat(next).isGreaterThan(entries.get(1).id());
        }
    }

    @Test
    void a_full_outbox_evicts_the_oldest_messages_and_counts_their_readings() throws Exception {
        try (SqliteOutbox outbox = SqliteOutbox.open(dir.resolve("outbox.db"), 3, 1_000_000)) {
            for (int i = 1; i <= 5; i++) {
                store(outbox, "bin-" + i, i);
            }

            assertThat(outbox.after(0, 100, 100_000))
                    .extracting(OutboxEntry::device)
                    .containsExactly("bin-3", "bin-4", "bin-5");
            assertThat(outbox.state().readings()).isEqualTo(3);
            assertThat(outbox.state().evictedReadings()).isEqualTo(2);
        }
    }

    @Test
    void a_message_larger_than_the_whole_outbox_is_refused_not_acknowledged() throws Exception {
        try (SqliteOutbox outbox = SqliteOutbox.open(dir.resolve("outbox.db"), 1000, 20)) {
            CompletableFuture<Long> stored =
                    outbox.append("gw-1", "bin-1", true, senml("bin-1", 1), 1).toCompletableFuture();

            assertThatThrownBy(() -> stored.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(city.mycity.edge.exception.OutboxException.class)
                    .hasMessageContaining("larger than the outbox");
            assertThat(outbox.state().messages()).isZero();
        }
    }

    @Test
    void an_append_after_close_is_refused_not_left_unanswered() throws Exception {
        SqliteOutbox outbox = SqliteOutbox.open(dir.resolve("outbox.db"), 1000, 1_000_000);
        outbox.close();

        CompletableFuture<Long> late =
                outbox.append("gw-1", "bin-1", true, senml("bin-1", 1), 1).toCompletableFuture();

        assertThatThrownBy(() -> late.get(10, TimeUnit.SECONDS)).hasMessageContaining("closed");
    }

    @Test
    void takes_no_more_than_the_limits_but_always_at_least_one_message() throws Exception {
        try (SqliteOutbox outbox = SqliteOutbox.open(dir.resolve("outbox.db"), 1000, 1_000_000)) {
            for (int i = 1; i <= 5; i++) {
                store(outbox, "bin-" + i, i);
            }
            int oneMessage = senml("bin-1", 1).length;

            assertThat(outbox.after(0, 3, 100_000)).hasSize(3);
            assertThat(outbox.after(0, 100, oneMessage * 2)).hasSize(2);
            assertThat(outbox.after(0, 100, 1)).hasSize(1);
        }
    }

    @Test
    void appends_from_many_threads_at_once_are_each_stored_once_with_an_id_of_their_own() throws Exception {
        int threads = 8;
        int each = 250;
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        try (SqliteOutbox outbox = SqliteOutbox.open(dir.resolve("outbox.db"), 1_000_000, 100_000_000)) {
            List<Future<List<Long>>> sent = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                sent.add(senders.submit(() -> {
                    List<CompletableFuture<Long>> ids = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        ids.add(outbox.append("gw-1", "bin-" + thread, true, senml("bin-" + thread, i), 1)
                                .toCompletableFuture());
                    }
                    List<Long> done = new ArrayList<>();
                    for (CompletableFuture<Long> id : ids) {
                        done.add(id.get(30, TimeUnit.SECONDS));
                    }
                    return done;
                }));
            }
            Set<Long> ids = new HashSet<>();
            for (Future<List<Long>> thread : sent) {
                ids.addAll(thread.get(60, TimeUnit.SECONDS));
            }

            assertThat(ids).hasSize(threads * each);
            assertThat(outbox.state().messages()).isEqualTo(threads * each);
            assertThat(outbox.after(0, 1_000_000, 100_000_000)).hasSize(threads * each);
        } finally {
            senders.shutdownNow();
        }
    }
}
