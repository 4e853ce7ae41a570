package city.mycity.simulator.fault;

import city.mycity.citymodel.Sensor;
import city.mycity.codec.ContentFormats;
import city.mycity.reading.Quantity;
import city.mycity.reading.RefusalReason;
import city.mycity.reading.SenmlCodec;
import city.mycity.reading.SenmlPack;
import city.mycity.reading.SenmlRecord;
import city.mycity.simulator.frames.FrameFirmware;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The way one device's values become messages: it numbers them, builds the SenML pack and applies the faults of a
 * {@link FaultProfile}, drawing from the device's own random stream so that one device's faults do not depend on the
 * others'. Not thread-safe.
 */
public final class FaultChannel {

    /** A stuck episode lasts this many messages. */
    public static final int STUCK_EPISODE_MESSAGES = 12;

    private static final SenmlCodec CODEC = SenmlCodec.json();

    private final String tenant;
    private final Sensor sensor;
    private final Sensor ghost;
    private final FaultProfile profile;
    private final FrameFirmware firmware;
    private final SplittableRandom random;
    private final double stuckStart;
    private long sequence;
    private double[] last;
    private int stuckRemaining;

    /**
     * A channel whose device sends SenML JSON.
     *
     * @param ghostId an id that is not in the city, for {@link Fault#UNKNOWN_DEVICE} messages
     */
    public FaultChannel(String tenant, Sensor sensor, String ghostId, FaultProfile profile, long seed) {
        this(tenant, sensor, ghostId, profile, seed, null);
    }

    /**
     * A channel whose device sends its vendor's frames, written by {@code firmware}, or SenML JSON when it is {@code
     * null}. A frame has no units and always a time, and its fields bound its values: for such a device a wrong unit,
     * a missing time or a value out of range becomes a spoilt frame ({@link Fault#MALFORMED_PAYLOAD}) instead.
     */
    public FaultChannel(
            String tenant, Sensor sensor, String ghostId, FaultProfile profile, long seed, FrameFirmware firmware) {
        this.tenant = tenant;
        this.sensor = sensor;
        this.ghost = new Sensor(
                ghostId, sensor.kind(), sensor.zone(), sensor.gateway(), null, sensor.street(), sensor.location());
        this.profile = profile;
        this.firmware = firmware;
        this.random = new SplittableRandom(seed);
        double stuck = profile.rate(Fault.STUCK);
        this.stuckStart = stuck / (STUCK_EPISODE_MESSAGES * (1 - stuck));
    }

    /** Turns the values the device measured at {@code timeMillis} into the message it sends. */
    public Message emit(long timeMillis, double[] measured) {
        return emit(timeMillis, measured, false);
    }

    /**
     * As {@link #emit(long, double[])}; {@code outOfRange}: the device's probe is broken, and one record of the message
     * carries a value out of range whatever the profile draws.
     */
    public Message emit(long timeMillis, double[] measured, boolean outOfRange) {
        long seq = sequence++;
        double delivery = random.nextDouble();
        double content = random.nextDouble();
        double stuck = random.nextDouble();
        Set<Fault> faults = EnumSet.noneOf(Fault.class);
        double[] values = measured;
        if (stuckRemaining == 0 && last != null && stuck < stuckStart) {
            stuckRemaining = STUCK_EPISODE_MESSAGES;
        }
        if (stuckRemaining > 0) {
            stuckRemaining--;
            values = last;
            faults.add(Fault.STUCK);
        } else {
            last = measured;
        }
        int copies = 1;
        if (delivery < profile.rate(Fault.DROPPED)) {
            copies = 0;
            faults.add(Fault.DROPPED);
        } else if (delivery < profile.rate(Fault.DROPPED) + profile.rate(Fault.DUPLICATE)) {
            copies = 2;
            faults.add(Fault.DUPLICATE);
        }
        Fault contentFault = outOfRange ? Fault.VALUE_OUT_OF_RANGE : contentFault(content);
        if (firmware != null && contentFault != null && contentFault != Fault.UNKNOWN_DEVICE) {
            contentFault = Fault.MALFORMED_PAYLOAD;
        }
        if (contentFault != null) {
            faults.add(contentFault);
        }
        return firmware != null
                ? buildFrame(seq, timeMillis, values, contentFault, faults, copies)
                : build(seq, timeMillis, values, contentFault, faults, copies);
    }

    private Fault contentFault(double u) {
        double cumulative = 0;
        for (Fault fault : Fault.values()) {
            if (fault.isContentFault()) {
                cumulative += profile.rate(fault);
                if (u < cumulative) {
                    return fault;
                }
            }
        }
        return null;
    }

    private Message build(long seq, long time, double[] values, Fault fault, Set<Fault> faults, int copies) {
        List<Quantity> quantities = sensor.kind().quantities();
        List<SenmlRecord> records = new ArrayList<>(quantities.size());
        for (int i = 0; i < quantities.size(); i++) {
            Quantity q = quantities.get(i);
            records.add(SenmlRecord.measurement(q.name(), values[i], q.unit()));
        }
        Sensor addressed = sensor;
        List<RefusalReason> refusals = List.of();
        List<RefusalReason> refusalsInGatewayPack = List.of();
        int valid = records.size();
        SenmlPack pack;
        byte[] payload;
        if (fault == null) {
            pack = SenmlPack.of(tenant, sensor.id(), Instant.ofEpochMilli(time), seq, records);
            payload = CODEC.encode(pack);
        } else {
            int index = random.nextInt(records.size());
            switch (fault) {
                case VALUE_OUT_OF_RANGE -> {
                    Quantity q = quantities.get(index);
                    records.set(index, SenmlRecord.measurement(q.name(), Corruptions.outOfRange(q, random), q.unit()));
                    valid--;
                }
                case WRONG_UNIT -> {
                    Quantity q = quantities.get(index);
                    records.set(
                            index, SenmlRecord.measurement(q.name(), values[index], Corruptions.wrongUnit(q.unit())));
                    valid--;
                }
                case UNKNOWN_DEVICE -> {
                    addressed = ghost;
                    valid = 0;
                }
                case MISSING_TIME, MALFORMED_PAYLOAD -> valid = 0;
                default -> throw new IllegalStateException("Not a content fault: " + fault);
            }
            RefusalReason reason = fault.refusal().orElseThrow();
            // Alone, a missing time refuses every record and an unknown device the message whole; in a gateway pack
            // the platform checks each record's device, so an unknown device's records are refused one by one.
            refusals = Collections.nCopies(fault == Fault.MISSING_TIME ? records.size() : 1, reason);
            refusalsInGatewayPack =
                    fault == Fault.UNKNOWN_DEVICE ? Collections.nCopies(records.size(), reason) : refusals;
            pack = pack(fault, addressed, seq, time, records);
            byte[] json = CODEC.encode(pack);
            if (fault == Fault.MALFORMED_PAYLOAD) {
                payload = random.nextBoolean()
                        ? Corruptions.truncate(json, random)
                        : Corruptions.garbage(sensor.id(), seq, random);
                pack = null;
            } else {
                payload = json;
            }
        }
        return new Message(
                addressed,
                tenant,
                seq,
                time,
                ContentFormats.SENML_JSON,
                payload,
                pack,
                valid,
                refusals,
                refusalsInGatewayPack,
                faults,
                copies,
                new AtomicBoolean());
    }

    /**
     * A vendor frame: read back with the device's codec when it is sound, spoilt when it is malformed, and sent as a
     * device the gateway does not know (whole, with one refusal: a frame never travels in a gateway pack).
     */
    private Message buildFrame(long seq, long time, double[] values, Fault fault, Set<Fault> faults, int copies) {
        byte[] frame = firmware.frame(seq, time, values);
        Sensor addressed = fault == Fault.UNKNOWN_DEVICE ? ghost : sensor;
        SenmlPack pack = null;
        int valid = 0;
        List<RefusalReason> refusals = List.of();
        if (fault == null) {
            pack = firmware.read(frame);
            valid = pack.records().size();
        } else {
            refusals = List.of(fault.refusal().orElseThrow());
            if (fault == Fault.MALFORMED_PAYLOAD) {
                frame = Corruptions.spoilFrame(frame, sensor.id(), seq, random);
            }
        }
        return new Message(
                addressed,
                tenant,
                seq,
                time,
                ContentFormats.OCTET_STREAM,
                frame,
                pack,
                valid,
                refusals,
                refusals,
                faults,
                copies,
                new AtomicBoolean());
    }

    private SenmlPack pack(Fault fault, Sensor addressed, long seq, long time, List<SenmlRecord> records) {
        if (fault == Fault.MISSING_TIME) {
            List<SenmlRecord> untimed = new ArrayList<>(records);
            untimed.set(
                    0,
                    untimed.get(0)
                            .withBase(SenmlPack.baseNameOf(tenant, sensor.id()), null)
                            .withSequence(seq));
            return new SenmlPack(untimed);
        }
        return SenmlPack.of(tenant, addressed.id(), Instant.ofEpochMilli(time), seq, records);
    }
}
