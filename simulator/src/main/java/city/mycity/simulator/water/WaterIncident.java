package city.mycity.simulator.water;

/**
 * A problem on a water main that a simulated sensor sees, with when it starts and how big it is, so that detection
 * can be measured against it.
 *
 * @param device the sensor that sees it
 * @param kind a leak (a steady extra flow, a little less pressure) or a burst (a large extra flow, pressure falling at
 *     once)
 * @param startMillis when it starts, device time
 * @param endMillis when it is repaired, device time ({@link Long#MAX_VALUE}: never, in the run)
 * @param extraFlowShare the extra flow, as a share of the sensor's typical flow
 * @param pressureDrop the pressure lost, bar
 */
public record WaterIncident(
        String device, Kind kind, long startMillis, long endMillis, double extraFlowShare, double pressureDrop) {

    public enum Kind {
        LEAK,
        BURST
    }

    public WaterIncident {
        if (endMillis <= startMillis || extraFlowShare < 0 || pressureDrop < 0) {
            throw new IllegalArgumentException("An incident must end after it starts and add flow and lose pressure.");
        }
    }

    public boolean isActiveAt(long millis) {
        return millis >= startMillis && millis < endMillis;
    }
}
