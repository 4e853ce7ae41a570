package city.mycity.bench.pipeline;

import city.mycity.bench.cpu.CpuUsage;

/**
 * The pipeline held at one rate (a share of the best sustained one), with the lag from device time to committed row
 * and the CPU used meanwhile.
 */
public record LatencyRun(double rate, StepVerdict verdict, LagHistogram.Percentiles lag, CpuUsage cpu) {}
