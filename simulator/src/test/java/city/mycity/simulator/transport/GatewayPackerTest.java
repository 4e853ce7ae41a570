package city.mycity.simulator.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.mycity.reading.ResolvedRecord;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.SenmlRecord;
import city.mycity.simulator.exception.DeliveryException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class GatewayPackerTest {

    private static final Duration NEVER = Duration.ofHours(1);

    /** A publisher that keeps every pack and acknowledges it when the test says so (at once by default). */
    private static final class Packs implements GatewayPacker.PackPublisher {
        record Published(String tenant, String gateway, byte[] senml, CompletableFuture<Void> ack) {

            List<ResolvedRecord> records() {
                return SenmlCodec.json().decode(senml).pack().resolve();
            }
        }

        private final List<Published> published = new CopyOnWriteArrayList<>();
        private volatile boolean hold;
        private volatile RuntimeException failure;

        @Override
        public CompletionStage<Void> publish(String tenant, String gateway, byte[] senml) {
            if (failure != null) {
                throw failure;
            }
            CompletableFuture<Void> ack = new CompletableFuture<>();
            published.add(new Published(tenant, gateway, senml, ack));
            if (!hold) {
                ack.complete(null);
            }
            return ack;
        }
    }

    private final Packs packs = new Packs();

    private static SenmlPack pack(String device, long seq, int readings) {
        List<SenmlRecord> records = new ArrayList<>();
        for (int i = 0; i < readings; i++) {
            records.add(SenmlRecord.measurement("fill", 10 + i, "%"));
        }
        return SenmlPack.of("town", device, Instant.ofEpochSecond(1_741_000_000L + seq), seq, records);
    }

    @Test
    void publishes_a_gateways_messages_as_one_pack_once_it_holds_max_readings() {
        try (GatewayPacker packer = new GatewayPacker(4, NEVER, packs)) {
            packer.add("town", "gw-1", pack("bin-00001", 5, 2));
            assertThat(packs.published).isEmpty();

            packer.add("town", "gw-1", pack("bin-00002", 9, 2));

            assertThat(packs.published).hasSize(1);
            Packs.Published published = packs.published.get(0);
            assertThat(published.gateway()).isEqualTo("gw-1");
            assertThat(published.records())
                    .extracting(ResolvedRecord::name, ResolvedRecord::sequence)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("urn:dev:mycity:town:bin-00001:fill", 5L),
                            org.assertj.core.groups.Tuple.tuple("urn:dev:mycity:town:bin-00001:fill", 5L),
                            org.assertj.core.groups.Tuple.tuple("urn:dev:mycity:town:bin-00002:fill", 9L),
                            org.assertj.core.groups.Tuple.tuple("urn:dev:mycity:town:bin-00002:fill", 9L));
            assertThat(published.records().get(2).time()).isEqualTo(1_741_000_009d);
        }
    }

    @Test
    void closes_a_pack_before_a_message_would_take_it_past_max_readings() {
        try (GatewayPacker packer = new GatewayPacker(4, NEVER, packs)) {
            CompletableFuture<Void> first = packer.add("town", "gw-1", pack("bin-00001", 1, 3));
            CompletableFuture<Void> second = packer.add("town", "gw-1", pack("bin-00002", 1, 2));

            assertThat(packs.published).hasSize(1);
            assertThat(packs.published.get(0).records()).hasSize(3);
            assertThat(first).isCompleted();
            assertThat(second).isNotDone();
        }
    }

    @Test
    void confirms_each_message_only_once_the_pack_carrying_it_is_acknowledged() {
        packs.hold = true;
        try (GatewayPacker packer = new GatewayPacker(2, NEVER, packs)) {
            CompletableFuture<Void> first = packer.add("town", "gw-1", pack("bin-00001", 1, 1));
            CompletableFuture<Void> second = packer.add("town", "gw-1", pack("bin-00002", 1, 1));

            assertThat(packs.published).hasSize(1);
            assertThat(first).isNotDone();
            assertThat(second).isNotDone();
            packs.published.get(0).ack().complete(null);
            assertThat(first).isCompleted();
            assertThat(second).isCompleted();
        }
    }

    @Test
    void publishes_a_pack_that_is_not_full_once_its_oldest_message_has_waited_the_linger() {
        try (GatewayPacker packer = new GatewayPacker(200, Duration.ofMillis(20), packs)) {
            CompletableFuture<Void> confirmed = packer.add("town", "gw-1", pack("bin-00001", 1, 2));

            assertThat(confirmed).succeedsWithin(Duration.ofSeconds(10));
            assertThat(packs.published).singleElement().satisfies(p -> assertThat(p.records())
                    .hasSize(2));
        }
    }

    @Test
    void never_puts_messages_of_two_gateways_or_two_tenants_in_one_pack() {
        try (GatewayPacker packer = new GatewayPacker(200, NEVER, packs)) {
            packer.add("town", "gw-1", pack("bin-00001", 1, 1));
            packer.add("town", "gw-2", pack("bin-00002", 1, 1));
            packer.add("city", "gw-1", pack("bin-00003", 1, 1));
            packer.add("town", "gw-1", pack("bin-00004", 1, 1));
            packer.flush();

            assertThat(packs.published)
                    .extracting(p ->
                            p.tenant() + "/" + p.gateway() + " " + p.records().size())
                    .containsExactlyInAnyOrder("town/gw-1 2", "town/gw-2 1", "city/gw-1 1");
        }
    }

    @Test
    void fails_every_message_of_a_pack_that_could_not_be_published() {
        packs.failure = new DeliveryException("Could not connect to the broker");
        try (GatewayPacker packer = new GatewayPacker(2, NEVER, packs)) {
            CompletableFuture<Void> first = packer.add("town", "gw-1", pack("bin-00001", 1, 1));
            CompletableFuture<Void> second = packer.add("town", "gw-1", pack("bin-00002", 1, 1));

            for (CompletableFuture<Void> confirmation : List.of(first, second)) {
                assertThat(confirmation)
                        .failsWithin(Duration.ZERO)
                        .withThrowableOfType(ExecutionException.class)
                        .withCauseInstanceOf(DeliveryException.class);
            }
        }
    }

    @Test
    void splits_a_pack_that_would_be_larger_than_the_byte_limit() {
        List<CompletableFuture<Void>> confirmations = new ArrayList<>();
        try (GatewayPacker packer = new GatewayPacker(2048, NEVER, 2_000, packs)) {
            for (int i = 0; i < 60; i++) {
                confirmations.add(packer.add("town", "gw-1", pack("bin-" + (10_000 + i), i, 2)));
            }
            packer.flush();
        }

        assertThat(packs.published).hasSizeGreaterThan(1);
        assertThat(packs.published).allSatisfy(p -> assertThat(p.senml().length).isLessThanOrEqualTo(2_000));
        assertThat(packs.published.stream().mapToInt(p -> p.records().size()).sum())
                .isEqualTo(120);
        assertThat(confirmations).allMatch(CompletableFuture::isDone);
    }

    @Test
    void close_publishes_the_open_packs_and_refuses_later_messages() {
        GatewayPacker packer = new GatewayPacker(200, NEVER, packs);
        CompletableFuture<Void> open = packer.add("town", "gw-1", pack("bin-00001", 1, 1));

        packer.close();

        assertThat(open).isCompleted();
        assertThat(packs.published).hasSize(1);
        assertThat(packer.add("town", "gw-1", pack("bin-00002", 1, 1)))
                .failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(DeliveryException.class);
    }

    @Test
    void many_threads_adding_at_once_lose_no_message() throws InterruptedException {
        List<CompletableFuture<Void>> confirmations = new CopyOnWriteArrayList<>();
        try (GatewayPacker packer = new GatewayPacker(50, Duration.ofMillis(5), packs)) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String gateway = "gw-" + (t % 2);
                Thread thread = new Thread(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        confirmations.add(packer.add("town", gateway, pack("bin-00001", i, 1)));
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> confirmations.stream().allMatch(CompletableFuture::isDone));
        }

        assertThat(packs.published.stream().mapToInt(p -> p.records().size()).sum())
                .isEqualTo(4_000);
        assertThat(packs.published).allSatisfy(p -> assertThat(p.records()).hasSizeLessThanOrEqualTo(50));
    }
}
