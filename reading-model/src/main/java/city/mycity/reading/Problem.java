package city.mycity.reading;

/** One thing wrong with a message or a record: the reason and a sentence for the person who reads it. */
public record Problem(RefusalReason reason, String detail) {}
