package city.mycity.geo.rounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.mycity.geo.InvalidParameterException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StopReportTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final String ID = "3f2c9a1e-7b4d-4e0a-9c1f-2a6b8d0e5f47";

    @Test
    void reads_an_emptied_bin() {
        StopReport report = StopReport.parse("bin-1", ID, "emptied", null, null, "2026-11-30T09:58:00Z", NOW);

        assertThat(report.outcome()).isEqualTo(Outcome.EMPTIED);
        assertThat(report.reason()).isNull();
        assertThat(report.at()).isEqualTo(Instant.parse("2026-11-30T09:58:00Z"));
        assertThat(report.reportId()).hasToString(ID);
    }

    @Test
    void reads_a_bin_not_emptied_with_its_reason_and_note() {
        StopReport report =
                StopReport.parse("bin-1", ID, "not-emptied", "bin-damaged", " lid off ", "2026-11-30T09:58:00Z", NOW);

        assertThat(report.reason()).isEqualTo(Reason.BIN_DAMAGED);
        assertThat(report.note()).isEqualTo("lid off");
    }

    @Test
    void rejects_a_bin_not_emptied_without_a_known_reason() {
        assertRejected(
                "reason", () -> StopReport.parse("b", ID, "not-emptied", null, null, "2026-11-30T09:00:00Z", NOW));
        assertRejected(
                "reason", () -> StopReport.parse("b", ID, "not-emptied", "lazy", null, "2026-11-30T09:00:00Z", NOW));
        assertRejected(
                "reason", () -> StopReport.parse("b", ID, "emptied", "blocked", null, "2026-11-30T09:00:00Z", NOW));
    }

    @Test
    void rejects_a_missing_or_malformed_report_id_or_outcome() {
        assertRejected(
                "report_id", () -> StopReport.parse("b", null, "emptied", null, null, "2026-11-30T09:00:00Z", NOW));
        assertRejected(
                "report_id", () -> StopReport.parse("b", "42", "emptied", null, null, "2026-11-30T09:00:00Z", NOW));
        assertRejected("outcome", () -> StopReport.parse("b", ID, "maybe", null, null, "2026-11-30T09:00:00Z", NOW));
    }

    @Test
    void rejects_a_note_longer_than_two_hundred_characters() {
        String note = "x".repeat(201);

        assertRejected(
                "note", () -> StopReport.parse("b", ID, "not-emptied", "other", note, "2026-11-30T09:00:00Z", NOW));
        assertThat(StopReport.parse("b", ID, "not-emptied", "other", "x".repeat(200), "2026-11-30T09:00:00Z", NOW)
                        .note())
                .hasSize(200);
    }

    @Test
    void rejects_a_time_in_the_future_beyond_the_clocks_leeway_or_not_iso() {
        assertRejected("at", () -> StopReport.parse("b", ID, "emptied", null, null, "2026-11-30T10:05:00Z", NOW));
        assertRejected("at", () -> StopReport.parse("b", ID, "emptied", null, null, "this morning", NOW));
        assertRejected("at", () -> StopReport.parse("b", ID, "emptied", null, null, null, NOW));
        assertThat(StopReport.parse("b", ID, "emptied", null, null, "2026-11-30T10:01:00Z", NOW)
                        .at())
                .as("a phone's clock a minute ahead")
                .isEqualTo(Instant.parse("2026-11-30T10:01:00Z"));
    }

    private static void assertRejected(String member, Runnable parse) {
        assertThatThrownBy(parse::run)
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter())
                        .isEqualTo(member));
    }
}
