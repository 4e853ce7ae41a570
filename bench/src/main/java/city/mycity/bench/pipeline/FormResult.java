package city.mycity.bench.pipeline;

import city.mycity.bench.MessageForm;
import java.util.Optional;

/** The pipeline in one message form: the chained job (the search) and, if run, the unchained one at the same rates. */
public record FormResult(MessageForm form, JobSizing sizing, RunResult chained, Optional<RunResult> unchained) {}
