package city.mycity.simulator;

import city.mycity.settings.Setting;
import city.mycity.simulator.fault.FaultProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The simulator's settings, read with {@link city.mycity.settings.Settings} (system property = key, environment
 * variable = key upper-cased with underscores, e.g. {@code MYCITY_SIMULATOR_SPEED}).
 */
public final class SimulatorSettings {

    public static final Setting<Long> SEED =
            Setting.longValue("mycity.simulator.seed", "Seed of every random choice of the simulation", 42L, null);
    public static final Setting<Double> SPEED = Setting.decimal(
            "mycity.simulator.speed", "Simulated seconds per wall second in a continuous run", 60.0, "s/s");
    public static final Setting<Double> RATE = Setting.decimal(
            "mycity.simulator.rate", "Most messages sent per wall second ('Infinity' for no limit)", 2000.0, "1/s");
    public static final Setting<FaultProfile> FAULTS = new Setting<>(
            "mycity.simulator.faults",
            "Fault profile: 'demo' (small rates of every fault) or 'none'",
            FaultProfile.demo(),
            null,
            false,
            SimulatorSettings::faults);
    public static final Setting<Instant> START = new Setting<>(
            "mycity.simulator.start",
            "Simulated start, ISO-8601 (e.g. 2025-03-03T05:00:00Z); unset: Monday 3 March 2025, 05:00 local time",
            null,
            null,
            false,
            Instant::parse);
    public static final Setting<ZoneId> TIME_ZONE = new Setting<>(
            "mycity.simulator.time-zone",
            "Zone whose local time the daily patterns follow, e.g. Europe/Monaco",
            java.time.ZoneOffset.UTC,
            null,
            false,
            ZoneId::of);

    public static final Setting<Boolean> PACKING = new Setting<>(
            "mycity.simulator.packing",
            "MQTT only: 'on' gathers each gateway's messages into gateway packs on mycity/v1/{tenant}/{gateway}/up"
                    + " (a malformed payload still goes alone on its device topic); 'off' sends each message alone on"
                    + " its device topic",
            false,
            "on/off",
            false,
            SimulatorSettings::onOff);
    public static final Setting<Integer> PACK_MAX_READINGS = Setting.integer(
            "mycity.simulator.pack-max-readings",
            "With packing: a gateway pack is published once it holds this many readings (1-2048)",
            200,
            "readings");
    public static final Setting<Duration> PACK_LINGER = Setting.duration(
            "mycity.simulator.pack-linger",
            "With packing: a gateway pack is published once its oldest message has waited this long",
            Duration.ofMillis(50));

    public static final Setting<Duration> RESEND_FOR = Setting.duration(
            "mycity.simulator.resend-for",
            "MQTT: for how long a message the broker did not take (lost connection, refusal, PUBACK 0x10 'no matching"
                    + " subscribers') is sent again before it counts as failed, as a gateway with an outbox does",
            Duration.ofMinutes(5));

    /** Every setting above, for {@link city.mycity.settings.Settings#describe(List)}. */
    public static final List<Setting<?>> ALL =
            List.of(SEED, SPEED, RATE, FAULTS, START, TIME_ZONE, PACKING, PACK_MAX_READINGS, PACK_LINGER, RESEND_FOR);

    private SimulatorSettings() {}

    static boolean onOff(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes", "1" -> true;
            case "off", "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("expected on or off");
        };
    }

    static FaultProfile faults(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "demo" -> FaultProfile.demo();
            case "none" -> FaultProfile.none();
            default -> throw new IllegalArgumentException("expected 'demo' or 'none'");
        };
    }
}
