package city.mycity.citymodel.placement;

/**
 * How many sensors go where. The caps keep a large extract a manageable fleet; the defaults suit a town of a few
 * kilometres. Build with {@link #builder()}; {@link #defaults()} is the plan with every default.
 */
public record PlacementPlan(
        long seed,
        int zoneRows,
        int zoneColumns,
        int minCarParkBays,
        int maxCarParkBays,
        int maxStreetBays,
        int streetBaysPerStreet,
        double streetBaySpacingMetres,
        int maxBins,
        double binSpacingMetres,
        int maxTrafficCounters,
        double counterSpacingMetres,
        int maxWaterSensors,
        double waterSpacingMetres,
        double boundsMarginMetres) {

    public static PlacementPlan defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this plan. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.seed = seed;
        b.zoneRows = zoneRows;
        b.zoneColumns = zoneColumns;
        b.minCarParkBays = minCarParkBays;
        b.maxCarParkBays = maxCarParkBays;
        b.maxStreetBays = maxStreetBays;
        b.streetBaysPerStreet = streetBaysPerStreet;
        b.streetBaySpacing = streetBaySpacingMetres;
        b.maxBins = maxBins;
        b.binSpacing = binSpacingMetres;
        b.maxTrafficCounters = maxTrafficCounters;
        b.counterSpacing = counterSpacingMetres;
        b.maxWaterSensors = maxWaterSensors;
        b.waterSpacing = waterSpacingMetres;
        b.boundsMargin = boundsMarginMetres;
        return b;
    }

    /** Builds a {@link PlacementPlan}; every setter states its default. */
    public static final class Builder {
        private long seed = 42;
        private int zoneRows = 3;
        private int zoneColumns = 3;
        private int minCarParkBays = 20;
        private int maxCarParkBays = 400;
        private int maxStreetBays = 400;
        private int streetBaysPerStreet = 10;
        private double streetBaySpacing = 6;
        private int maxBins = 300;
        private double binSpacing = 100;
        private int maxTrafficCounters = 80;
        private double counterSpacing = 600;
        private int maxWaterSensors = 60;
        private double waterSpacing = 300;
        private double boundsMargin = 60;

        private Builder() {}

        /** The seed of every choice placement makes (which side of the street, small offsets). By default, 42. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The zone grid over the city's bounds, rows north to south. By default, 3 rows and 3 columns. */
        public Builder zones(int rows, int columns) {
            this.zoneRows = rows;
            this.zoneColumns = columns;
            return this;
        }

        /**
         * The range a car park's capacity (and so its number of bay sensors) is clamped to. By default, 20 to 400.
         */
        public Builder carParkBays(int min, int max) {
            this.minCarParkBays = min;
            this.maxCarParkBays = max;
            return this;
        }

        /** At most this many on-street bay sensors. By default, 400. */
        public Builder maxStreetBays(int max) {
            this.maxStreetBays = max;
            return this;
        }

        /** At most this many on-street bays on one street. By default, 10. */
        public Builder streetBaysPerStreet(int max) {
            this.streetBaysPerStreet = max;
            return this;
        }

        /** Metres between two on-street bays. By default, 6 m. */
        public Builder streetBaySpacing(double metres) {
            this.streetBaySpacing = metres;
            return this;
        }

        /** At most this many bins. By default, 300. */
        public Builder maxBins(int max) {
            this.maxBins = max;
            return this;
        }

        /** Metres between two bins along a residential street. By default, 100 m. */
        public Builder binSpacing(double metres) {
            this.binSpacing = metres;
            return this;
        }

        /** At most this many traffic counters. By default, 80. */
        public Builder maxTrafficCounters(int max) {
            this.maxTrafficCounters = max;
            return this;
        }

        /** Metres between two counters along a main road (besides those at signals). By default, 600 m. */
        public Builder counterSpacing(double metres) {
            this.counterSpacing = metres;
            return this;
        }

        /** At most this many water sensors. By default, 60. */
        public Builder maxWaterSensors(int max) {
            this.maxWaterSensors = max;
            return this;
        }

        /** Metres between two water sensors along a main road (the mains follow them). By default, 300 m. */
        public Builder waterSpacing(double metres) {
            this.waterSpacing = metres;
            return this;
        }

        /** Metres added around the streets and car parks to make the city's bounds. By default, 60 m. */
        public Builder boundsMargin(double metres) {
            this.boundsMargin = metres;
            return this;
        }

        /** The plan; throws an {@link IllegalStateException} when a setting is out of range. */
        public PlacementPlan build() {
            check(
                    zoneRows >= 1 && zoneRows <= 26 && zoneColumns >= 1 && zoneColumns <= 99,
                    "Zone grid must be 1-26 rows and 1-99 columns");
            check(minCarParkBays >= 1 && minCarParkBays <= maxCarParkBays, "Car park bays must be 1 <= min <= max");
            check(
                    maxStreetBays >= 0 && maxBins >= 0 && maxTrafficCounters >= 0 && maxWaterSensors >= 0,
                    "Caps must not be negative");
            check(streetBaysPerStreet >= 1, "Street bays per street must be at least 1");
            check(
                    streetBaySpacing > 0 && binSpacing > 0 && counterSpacing > 0 && waterSpacing > 0,
                    "Spacings must be positive");
            check(boundsMargin >= 45, "Bounds margin must be at least 45 m, so that car-park bays stay inside");
            return new PlacementPlan(
                    seed,
                    zoneRows,
                    zoneColumns,
                    minCarParkBays,
                    maxCarParkBays,
                    maxStreetBays,
                    streetBaysPerStreet,
                    streetBaySpacing,
                    maxBins,
                    binSpacing,
                    maxTrafficCounters,
                    counterSpacing,
                    maxWaterSensors,
                    waterSpacing,
                    boundsMargin);
        }

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new IllegalStateException(message + ".");
            }
        }
    }
}
