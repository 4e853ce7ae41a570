package city.mycity.bench.pipeline;

/** One rate step of a search and how the pipeline kept up with it. */
public record StepResult(RateSearch.Step step, StepVerdict verdict) {}
