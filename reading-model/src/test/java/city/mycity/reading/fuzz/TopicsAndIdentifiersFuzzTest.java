package city.mycity.reading.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import city.mycity.reading.DeviceAddress;
import city.mycity.reading.GatewayTopics;
import city.mycity.reading.Identifiers;
import city.mycity.reading.Quantity;
import city.mycity.reading.SensorKind;
import city.mycity.reading.UplinkOrigin;
import city.mycity.reading.UplinkTopic;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The MQTT topic scheme, the identifier rule and the quantities' ranges, on names and numbers of every kind. */
class TopicsAndIdentifiersFuzzTest {

    private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789._-";

    /** Identifiers near the rule: of its alphabet, with now and then a character or a length it does not allow. */
    private static Gen<String> identifiers() {
        return Gen.oneOf(
                Gen.strings(ID_CHARS, 70),
                Mutations.mutated(
                                Gen.utf8(Gen.strings(ID_CHARS, 66)),
                                List.of("/", "+", "#", "$", "A", " ", "\u0000", "\u00e9", "'", "-", "."),
                                80)
                        .map(bytes -> new String(bytes, StandardCharsets.UTF_8)),
                Gen.strings(70),
                Gen.constant(null));
    }

    /** Topics as devices and gateways publish them, broken ones and any text at all. */
    private static Gen<String> topics() {
        Gen<String> id = Gen.strings(ID_CHARS, 12).map(s -> s.isEmpty() ? "a" : "a" + s);
        Gen<String> valid = random -> random.nextBoolean()
                ? UplinkTopic.of(new DeviceAddress(id.next(random), id.next(random), id.next(random)))
                : UplinkTopic.ofGateway(id.next(random), id.next(random));
        return Gen.oneOf(
                valid,
                Mutations.mutated(
                                Gen.utf8(valid),
                                List.of("/", "//", "+", "#", "up", "down", "mycity/v1/", "A", "\u0000", "é"),
                                300)
                        .map(bytes -> new String(bytes, StandardCharsets.UTF_8)),
                Gen.strings(120).map(s -> "mycity/v1/" + s),
                Gen.strings(120),
                Gen.constant(null));
    }

    @Test
    void every_topic_names_its_sender_or_nobody() {
        Fuzz.forAll(topics()).check(topic -> {
            Optional<UplinkOrigin> origin = UplinkTopic.origin(topic);
            if (origin.isPresent()) {
                UplinkOrigin o = origin.get();
                String again = o.isGatewayPack()
                        ? UplinkTopic.ofGateway(o.tenant(), o.gateway())
                        : UplinkTopic.of(new DeviceAddress(o.tenant(), o.gateway(), o.device()));
                assertThat(again).as("the topic of the sender it names").isEqualTo(topic);
            }
            assertThat(UplinkTopic.parse(topic).isPresent())
                    .isEqualTo(origin.isPresent() && !origin.get().isGatewayPack());
        });
    }

    @Test
    void every_identifier_is_valid_or_refused_with_a_message_and_only_valid_ones_make_topics() {
        Fuzz.forAll(Gen.lists(identifiers(), 3, 3)).check(ids -> {
            String tenant = ids.get(0);
            String gateway = ids.get(1);
            String device = ids.get(2);
            for (String id : ids) {
                if (Identifiers.isValid(id)) {
                    assertThat(id).hasSizeBetween(1, 64).doesNotContain("/", "+", "#", "$", " ", "'", "\"");
                    assertThat(Character.isLetterOrDigit(id.charAt(0))).isTrue();
                    assertThat(id).isEqualTo(id.toLowerCase(java.util.Locale.ROOT));
                    assertThat(Identifiers.check("device", id)).isEqualTo(id);
                } else {
                    assertThatThrownBy(() -> Identifiers.check("device", id))
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessageStartingWith("device identifier");
                }
            }
            boolean valid = Identifiers.isValid(tenant) && Identifiers.isValid(gateway);
            boolean validDevice = valid && Identifiers.isValid(device);
            assertMadeOrRefused(
                    valid, () -> UplinkTopic.ofGateway(tenant, gateway), topic -> assertThat(UplinkTopic.origin(topic))
                            .contains(new UplinkOrigin(tenant, gateway, null)));
            assertMadeOrRefused(
                    validDevice, () -> UplinkTopic.of(new DeviceAddress(tenant, gateway, device)), topic -> {
                        assertThat(UplinkTopic.parse(topic)).contains(new DeviceAddress(tenant, gateway, device));
                    });
            assertMadeOrRefused(
                    valid, () -> GatewayTopics.configStatus(tenant, gateway), topic -> assertThat(topic.split("/", -1))
                            .containsExactly("mycity", "v1", tenant, gateway, "config", "status"));
            assertMadeOrRefused(
                    Identifiers.isValid(tenant), () -> UplinkTopic.tenant(tenant), filter -> assertThat(filter)
                            .isEqualTo("mycity/v1/" + tenant + "/+/+/up"));
            assertMadeOrRefused(
                    Identifiers.isValid(gateway),
                    () -> UplinkTopic.shared(gateway, UplinkTopic.allTenants()),
                    filter -> assertThat(filter).startsWith("$share/" + gateway + "/mycity/v1/"));
        });
    }

    @Test
    void no_quantity_accepts_a_value_that_is_not_finite_or_out_of_its_range() {
        List<Quantity> quantities = Stream.of(SensorKind.values())
                .flatMap(k -> Stream.concat(k.quantities().stream(), k.optionalQuantities().stream()))
                .toList();
        Gen<Case> cases = random -> new Case(
                quantities.get(random.nextInt(quantities.size())),
                Gen.doubles().next(random),
                random.nextBoolean()
                        ? Gen.strings(20).next(random)
                        : quantities.get(random.nextInt(quantities.size())).name());
        Fuzz.forAll(cases).check(c -> {
            Quantity quantity = c.quantity();
            double value = c.value();
            if (quantity.accepts(value)) {
                assertThat(Double.isFinite(value)).isTrue();
                assertThat(value >= quantity.min() && value <= quantity.max()).isTrue();
                assertThat(!quantity.integral() || value == Math.rint(value)).isTrue();
            }
            for (SensorKind kind : SensorKind.values()) {
                kind.quantity(c.name()).ifPresent(q -> assertThat(q.name()).isEqualTo(c.name()));
            }
            SensorKind.fromCode(c.name())
                    .ifPresent(kind -> assertThat(kind.code()).isEqualTo(c.name()));
        });
    }

    /** A quantity, a value for it, and a name to look quantities and kinds up by. */
    private record Case(Quantity quantity, double value, String name) {
        @Override
        public String toString() {
            return quantity + ", " + value + ", " + Fuzz.show(name);
        }
    }

    /** What {@code make} makes when {@code valid}; an {@link IllegalArgumentException} with a message otherwise. */
    private static void assertMadeOrRefused(
            boolean valid, Supplier<String> make, java.util.function.Consumer<String> check) {
        if (valid) {
            check.accept(make.get());
        } else {
            Throwable refused = catchThrowable(make::get);
            assertThat(refused).isInstanceOf(IllegalArgumentException.class);
            assertThat(refused.getMessage()).contains("identifier");
        }
    }
}
