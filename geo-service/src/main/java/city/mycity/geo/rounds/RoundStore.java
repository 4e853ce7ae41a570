package city.mycity.geo.rounds;

import city.mycity.citymodel.CityModel;
import city.mycity.citymodel.GeoPoint;
import city.mycity.citymodel.Sensor;
import city.mycity.citymodel.Street;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import javax.sql.DataSource;

/**
 * The crews' rounds in the store (schema V20: {@code crew_round}, {@code crew_stop}, {@code crew_report}) and the crew
 * accounts ({@code account}), for one council: every transaction names it ({@code mycity.tenant}), so that a role
 * kept to one council by row-level security may use it (the registry's role: it reads accounts and writes rounds).
 */
public final class RoundStore {

    private static final String ROUND = "SELECT id, truck, route::text, planned_at, updated_at FROM crew_round"
            + " WHERE tenant_id = ? AND day = ? AND crew = ?";
    private static final String STOPS = "SELECT s.position, s.bin_id, s.latitude, s.longitude, b.fill, s.status,"
            + " s.reason, s.note, s.reported_at, s.reported_by FROM crew_stop s LEFT JOIN bin_status b"
            + " ON b.tenant_id = s.tenant_id AND b.bin_id = s.bin_id WHERE s.round_id = ? ORDER BY s.position";
    private static final String EMPTIED = "UPDATE bin_status SET fill = 0, full_at = NULL, last_collected = ?,"
            + " time = ?, updated_at = now() WHERE tenant_id = ? AND bin_id = ? AND time <= ?";

    private final DataSource dataSource;
    private final String tenant;
    private final Map<String, String> streets = new HashMap<>();

    /** @param dataSource may read {@code account} and write the rounds and {@code bin_status} */
    public RoundStore(DataSource dataSource, CityModel city) {
        this.dataSource = Objects.requireNonNull(dataSource, "Data source of the crews' rounds must not be null.");
        this.tenant = city.tenant();
        Map<String, String> names = new HashMap<>();
        for (Street street : city.streets()) {
            if (street.name() != null) {
                names.put(street.id(), street.name());
            }
        }
        for (Sensor sensor : city.sensors()) {
            if (sensor.street() != null && names.containsKey(sensor.street())) {
                streets.put(sensor.id(), names.get(sensor.street()));
            }
        }
    }

    /** A truck's day as planned: its bins in order, and its roads (GeoJSON LineString text, or {@code null}). */
    public record Planned(List<PlannedStop> stops, String route) {

        public Planned {
            stops = List.copyOf(stops);
        }
    }

    /** A bin on a planned round. */
    public record PlannedStop(String bin, GeoPoint location) {}

    /** The council's crew accounts that may log in, by username. */
    public List<String> crews() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement("SELECT username FROM account WHERE tenant_id = ?"
                        + " AND role = 'crew' AND disabled_at IS NULL ORDER BY username")) {
            st.setString(1, tenant);
            List<String> crews = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    crews.add(rs.getString(1));
                }
            }
            return crews;
        }
    }

    /** Whether the council's rounds of that day are planned. */
    public boolean planned(LocalDate day) throws SQLException {
        try (Connection c = council()) {
            try (PreparedStatement st =
                    c.prepareStatement("SELECT 1 FROM crew_round WHERE tenant_id = ? AND day = ? LIMIT 1")) {
                st.setString(1, tenant);
                st.setObject(2, day);
                try (ResultSet rs = st.executeQuery()) {
                    boolean planned = rs.next();
                    c.commit();
                    return planned;
                }
            }
        }
    }

    /**
     * Forgets the council's rounds of that day when none of them has a stop and they were planned before {@code
     * before} (nothing was due then, and no crew can have started): the next request plans the day again.
     *
     * @return whether the day was forgotten
     */
    public boolean forgetEmptyDay(LocalDate day, Instant before) throws SQLException {
        try (Connection c = council()) {
            lockDay(c, day);
            try (PreparedStatement st = c.prepareStatement("DELETE FROM crew_round WHERE tenant_id = ? AND day = ?"
                    + " AND NOT EXISTS (SELECT 1 FROM crew_round r JOIN crew_stop s ON s.round_id = r.id"
                    + " WHERE r.tenant_id = ? AND r.day = ?)"
                    + " AND NOT EXISTS (SELECT 1 FROM crew_round r WHERE r.tenant_id = ? AND r.day = ?"
                    + " AND r.planned_at >= ?)")) {
                st.setString(1, tenant);
                st.setObject(2, day);
                st.setString(3, tenant);
                st.setObject(4, day);
                st.setString(5, tenant);
                st.setObject(6, day);
                st.setObject(7, before.atOffset(java.time.ZoneOffset.UTC));
                boolean forgotten = st.executeUpdate() > 0;
                c.commit();
                return forgotten;
            }
        }
    }

    /** Takes the lock of the council's day until the transaction ends: one request plans or forgets it at a time. */
    private void lockDay(Connection c, LocalDate day) throws SQLException {
        try (PreparedStatement lock =
                c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('mycity.crew_round'), hashtext(?))")) {
            lock.setString(1, tenant + '/' + day);
            lock.execute();
        }
    }

    /** The crew's round of that day, with each bin's fill now. */
    public Optional<CrewRound> round(LocalDate day, String crew) throws SQLException {
        try (Connection c = council()) {
            Optional<CrewRound> round = round(c, day, crew);
            c.commit();
            return round;
        }
    }

    /**
     * Stores the rounds of a day: crew {@code i} (from 0, in the order given) drives truck {@code i + 1} on its
     * planned day, or has a round without stops when {@code trucks} has none for it. When the day was planned already
     * (by another request, or another instance), keeps those rounds and only adds an empty one, on a truck of its own,
     * for each crew without one.
     */
    public void save(LocalDate day, List<String> crews, Map<Integer, Planned> trucks) throws SQLException {
        try (Connection c = council()) {
            lockDay(c, day);
            Map<String, Integer> existing = new HashMap<>();
            try (PreparedStatement st =
                    c.prepareStatement("SELECT crew, truck FROM crew_round WHERE tenant_id = ? AND day = ?")) {
                st.setString(1, tenant);
                st.setObject(2, day);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        existing.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            boolean fresh = existing.isEmpty();
            int nextTruck =
                    existing.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
            for (int i = 0; i < crews.size(); i++) {
                String crew = crews.get(i);
                if (existing.containsKey(crew)) {
                    continue;
                }
                int truck = fresh ? i + 1 : nextTruck++;
                Planned planned = fresh ? trucks.get(truck) : null;
                insert(c, day, crew, truck, planned == null ? new Planned(List.of(), null) : planned);
            }
            c.commit();
        }
    }

    private void insert(Connection c, LocalDate day, String crew, int truck, Planned planned) throws SQLException {
        long id;
        try (PreparedStatement st = c.prepareStatement("INSERT INTO crew_round (tenant_id, day, crew, truck, route)"
                + " VALUES (?, ?, ?, ?, ?::jsonb) RETURNING id")) {
            st.setString(1, tenant);
            st.setObject(2, day);
            st.setString(3, crew);
            st.setInt(4, truck);
            st.setString(5, planned.stops().isEmpty() ? null : planned.route());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO crew_stop (tenant_id, round_id, position, bin_id,"
                + " latitude, longitude) VALUES (?, ?, ?, ?, ?, ?)")) {
            int position = 1;
            for (PlannedStop stop : planned.stops()) {
                st.setString(1, tenant);
                st.setLong(2, id);
                st.setInt(3, position++);
                st.setString(4, stop.bin());
                st.setDouble(5, stop.location().latitude());
                st.setDouble(6, stop.location().longitude());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /**
     * Takes a crew's report of a stop of its round of {@code day}, once: the stop is marked, a bin emptied is no
     * longer due ({@code bin_status}: fill 0, emptied at the report's time, when the bin has not reported since), and a
     * bin not emptied has the rest of the round ordered again by {@code replan} (from its place, the stops still to
     * do). The same report again changes nothing.
     *
     * @return whether it was taken now ({@code false}: it had been already)
     * @throws NoSuchRoundException no round of the crew that day, or no such bin on it
     * @throws ReportConflictException the stop was reported by another report, or the report's id was used for
     *     another stop or outcome
     */
    public boolean report(
            LocalDate day,
            String crew,
            StopReport report,
            String by,
            BiFunction<GeoPoint, List<CrewStop>, Replan> replan)
            throws SQLException {
        try (Connection c = council()) {
            try {
                return report(c, day, crew, report, by, replan);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private boolean report(
            Connection c,
            LocalDate day,
            String crew,
            StopReport report,
            String by,
            BiFunction<GeoPoint, List<CrewStop>, Replan> replan)
            throws SQLException {
        long round = lockRound(c, day, crew);
        if (received(c, round, report)) {
            c.rollback();
            return false;
        }
        List<CrewStop> stops = stops(c, round);
        CrewStop stop = stops.stream()
                .filter(s -> s.bin().equals(report.bin()))
                .findFirst()
                .orElseThrow(() -> new NoSuchRoundException(
                        "Bin " + report.bin() + " is not on the round of " + crew + " on " + day + "."));
        if (stop.status() != StopStatus.PLANNED) {
            throw new ReportConflictException(
                    "Bin " + report.bin() + " was reported " + stop.status().code() + " already, at "
                            + stop.reportedAt() + " by " + stop.reportedBy() + ".",
                    stop);
        }
        record(c, round, report, by);
        if (report.outcome() == Outcome.EMPTIED) {
            emptied(c, report);
        } else {
            reorder(c, round, stops, stop, replan);
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE crew_round SET updated_at = now() WHERE id = ?")) {
            st.setLong(1, round);
            st.executeUpdate();
        }
        c.commit();
        return true;
    }

    private long lockRound(Connection c, LocalDate day, String crew) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT id FROM crew_round WHERE tenant_id = ? AND day = ? AND crew = ? FOR UPDATE")) {
            st.setString(1, tenant);
            st.setObject(2, day);
            st.setString(3, crew);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new NoSuchRoundException("Crew " + crew + " has no round on " + day
                            + " (the day of the report's at): load the round first.");
                }
                return rs.getLong(1);
            }
        }
    }

    /** Whether this report was received before; throws when its id was used for something else. */
    private static boolean received(Connection c, long round, StopReport report) throws SQLException {
        try (PreparedStatement st =
                c.prepareStatement("SELECT round_id, bin_id, outcome FROM crew_report WHERE report_id = ?")) {
            st.setObject(1, report.reportId());
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                if (rs.getLong(1) == round
                        && rs.getString(2).equals(report.bin())
                        && rs.getString(3).equals(report.outcome().code())) {
                    return true;
                }
                throw new ReportConflictException(
                        "Report " + report.reportId() + " was received before for another stop or outcome: make a"
                                + " new report_id for each report.",
                        null);
            }
        }
    }

    private void record(Connection c, long round, StopReport report, String by) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO crew_report (report_id, tenant_id, round_id,"
                + " bin_id, outcome, reason, note, pressed_at, reported_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setObject(1, report.reportId());
            st.setString(2, tenant);
            st.setLong(3, round);
            st.setString(4, report.bin());
            st.setString(5, report.outcome().code());
            setReason(st, 6, report.reason());
            st.setString(7, report.note());
            st.setTimestamp(8, Timestamp.from(report.at()));
            st.setString(9, by);
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE crew_stop SET status = ?, reason = ?, note = ?,"
                + " reported_at = ?, reported_by = ? WHERE round_id = ? AND bin_id = ?")) {
            st.setString(1, StopStatus.of(report.outcome()).code());
            setReason(st, 2, report.reason());
            st.setString(3, report.note());
            st.setTimestamp(4, Timestamp.from(report.at()));
            st.setString(5, by);
            st.setLong(6, round);
            st.setString(7, report.bin());
            st.executeUpdate();
        }
    }

    private void emptied(Connection c, StopReport report) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(EMPTIED)) {
            Timestamp at = Timestamp.from(report.at());
            st.setTimestamp(1, at);
            st.setTimestamp(2, at);
            st.setString(3, tenant);
            st.setString(4, report.bin());
            st.setTimestamp(5, at);
            st.executeUpdate();
        }
    }

    /** The reported stops first, in their order, then the ones still to do in the order {@code replan} gives. */
    private static void reorder(
            Connection c,
            long round,
            List<CrewStop> stops,
            CrewStop reported,
            BiFunction<GeoPoint, List<CrewStop>, Replan> replan)
            throws SQLException {
        List<String> order = new ArrayList<>();
        List<CrewStop> left = new ArrayList<>();
        for (CrewStop stop : stops) {
            if (stop.status() != StopStatus.PLANNED || stop.bin().equals(reported.bin())) {
                order.add(stop.bin());
            } else {
                left.add(stop);
            }
        }
        Replan rest = replan.apply(reported.location(), left);
        order.addAll(rest.bins());
        try (PreparedStatement st =
                c.prepareStatement("UPDATE crew_stop SET position = ? WHERE round_id = ? AND bin_id = ?")) {
            for (int i = 0; i < order.size(); i++) {
                st.setInt(1, i + 1);
                st.setLong(2, round);
                st.setString(3, order.get(i));
                st.addBatch();
            }
            st.executeBatch();
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE crew_round SET route = ?::jsonb WHERE id = ?")) {
            st.setString(1, rest.route());
            st.setLong(2, round);
            st.executeUpdate();
        }
    }

    private Optional<CrewRound> round(Connection c, LocalDate day, String crew) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(ROUND)) {
            st.setString(1, tenant);
            st.setObject(2, day);
            st.setString(3, crew);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new CrewRound(
                        day,
                        crew,
                        rs.getInt(2),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(3),
                        stops(c, rs.getLong(1))));
            }
        }
    }

    private List<CrewStop> stops(Connection c, long round) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(STOPS)) {
            st.setLong(1, round);
            List<CrewStop> stops = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String bin = rs.getString(2);
                    String reason = rs.getString(7);
                    Timestamp reported = rs.getTimestamp(9);
                    stops.add(new CrewStop(
                            rs.getInt(1),
                            bin,
                            new GeoPoint(rs.getDouble(3), rs.getDouble(4)),
                            streets.get(bin),
                            (Double) rs.getObject(5),
                            StopStatus.fromCode(rs.getString(6)),
                            reason == null ? null : Reason.fromCode(reason).orElseThrow(),
                            rs.getString(8),
                            reported == null ? null : reported.toInstant(),
                            rs.getString(10)));
                }
            }
            return stops;
        }
    }

    /** A connection in a transaction that names the council. */
    private Connection council() throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement("SELECT set_config('mycity.tenant', ?, true)")) {
                st.setString(1, tenant);
                st.execute();
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static void setReason(PreparedStatement st, int index, Reason reason) throws SQLException {
        if (reason == null) {
            st.setNull(index, Types.VARCHAR);
        } else {
            st.setString(index, reason.code());
        }
    }
}
