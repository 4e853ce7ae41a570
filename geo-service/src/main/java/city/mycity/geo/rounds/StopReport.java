package city.mycity.geo.rounds;

import city.mycity.geo.InvalidParameterException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * A crew member's report of one stop, as the phone sends it (perhaps long after, from its queue).
 *
 * @param reportId made by the phone once per report: sent again, it is the same report
 * @param reason why it was not emptied; {@code null} when it was
 * @param note what the crew member added, at most {@value #MAX_NOTE} characters, or {@code null}
 * @param at when the button was pressed: picks the round (the crew's round of that day)
 */
public record StopReport(UUID reportId, String bin, Outcome outcome, Reason reason, String note, Instant at) {

    /** The longest note. */
    public static final int MAX_NOTE = 200;

    /** How far ahead of the server's clock a phone's clock may be. */
    public static final Duration CLOCK_LEEWAY = Duration.ofMinutes(2);

    /**
     * Reads and checks a report's members, as text (any may be null); a bad one throws {@link
     * InvalidParameterException} naming it.
     *
     * @param now the server's time: {@code at} may not be later, but for {@link #CLOCK_LEEWAY}
     */
    public static StopReport parse(
            String bin, String reportId, String outcome, String reason, String note, String at, Instant now) {
        UUID id = uuid(reportId);
        Outcome said = Outcome.fromCode(required("outcome", outcome))
                .orElseThrow(() -> new InvalidParameterException(
                        "outcome", "Member outcome must be emptied or not-emptied, not '" + outcome + "'."));
        Reason why = null;
        if (said == Outcome.NOT_EMPTIED) {
            why = Reason.fromCode(required("reason", reason))
                    .orElseThrow(() -> new InvalidParameterException(
                            "reason", "Member reason must be one of " + Reason.codes() + ", not '" + reason + "'."));
        } else if (reason != null) {
            throw new InvalidParameterException(
                    "reason", "Member reason is for a bin that was not emptied; leave it out for emptied.");
        }
        if (note != null && note.codePointCount(0, note.length()) > MAX_NOTE) {
            throw new InvalidParameterException(
                    "note", "Member note must be at most " + MAX_NOTE + " characters long.");
        }
        return new StopReport(id, bin, said, why, note == null || note.isBlank() ? null : note.strip(), when(at, now));
    }

    private static UUID uuid(String raw) {
        String text = required("report_id", raw);
        try {
            UUID id = UUID.fromString(text);
            if (id.toString().equalsIgnoreCase(text)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // said below
        }
        throw new InvalidParameterException(
                "report_id",
                "Member report_id must be a UUID such as 3f2c9a1e-7b4d-4e0a-9c1f-2a6b8d0e5f47, made once per report,"
                        + " not '" + raw + "'.");
    }

    private static Instant when(String raw, Instant now) {
        Instant at;
        try {
            at = Instant.parse(required("at", raw));
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(
                    "at", "Member at must be an ISO-8601 instant such as 2026-11-30T08:15:00Z, not '" + raw + "'.");
        }
        if (at.isAfter(now.plus(CLOCK_LEEWAY))) {
            throw new InvalidParameterException(
                    "at", "Member at is in the future (" + raw + "): it is when the button was pressed.");
        }
        if (at.isBefore(Instant.EPOCH)) {
            throw new InvalidParameterException("at", "Member at must be after 1970, not " + raw + ".");
        }
        return at;
    }

    private static String required(String member, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException(member, "Member " + member + " is required.");
        }
        return value.trim();
    }
}
