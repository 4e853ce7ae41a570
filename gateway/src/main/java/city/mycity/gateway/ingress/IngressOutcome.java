package city.mycity.gateway.ingress;

/** What direct ingress did with one message. */
public sealed interface IngressOutcome {

    /** Taken: the broker has it, on this topic. */
    record Accepted(String topic) implements IngressOutcome {}

    /**
     * Refused, with an HTTP status (the CoAP code has the same class and detail), a reason code (the refusal reasons of
     * the pipeline, and {@code unauthenticated}, {@code retired_device}, {@code rate_limited},
     * {@code unsupported_format}, {@code unavailable}) and a sentence for the device's owner.
     */
    record Refused(int status, String reason, String detail) implements IngressOutcome {}
}
