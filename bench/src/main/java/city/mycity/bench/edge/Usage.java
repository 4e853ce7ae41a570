package city.mycity.bench.edge;

/**
 * What the agent's process used over a phase.
 *
 * @param maxRss its largest resident memory sampled, bytes
 * @param cpuPercent its CPU time over the phase's wall time, % of one core
 */
record Usage(long maxRss, double cpuPercent) {}
