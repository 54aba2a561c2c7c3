package io.vigie.analyze.detection.series;

/**
 * How a series' values are made roughly homoscedastic before the model sees them, and back. The noise floor is
 * the smallest spread the model will ever assume, in transformed units: it keeps a near-empty series from crying
 * wolf at its first mention.
 */
public enum Transform {
    /**
     * Counts (mentions per interval): Anscombe's {@code 2 sqrt(x + 3/8)}, under which Poisson noise has unit
     * variance whatever the mean, so a brand with three mentions a day and one with three thousand an hour are
     * judged on the same scale. Floor 1: never less spread than Poisson.
     */
    COUNT(1.0) {
        @Override
        public double forward(double x) {
            return 2.0 * Math.sqrt(Math.max(x, 0.0) + 0.375);
        }

        @Override
        public double inverse(double y) {
            double h = Math.max(y, 0.0) / 2.0;
            return Math.max(h * h - 0.375, 0.0);
        }
    },
    /** Heavy-tailed positive amounts (reach, views): {@code ln(1 + x)}, relative changes. Floor: 5 %. */
    LOG(0.05) {
        @Override
        public double forward(double x) {
            return Math.log1p(Math.max(x, 0.0));
        }

        @Override
        public double inverse(double y) {
            return Math.expm1(y);
        }
    },
    /** Values already on a flat scale (a share in [0, 1]). Floor: 0.02, two points of share. */
    IDENTITY(0.02) {
        @Override
        public double forward(double x) {
            return x;
        }

        @Override
        public double inverse(double y) {
            return y;
        }
    };

    private final double noiseFloor;

    Transform(double noiseFloor) {
        this.noiseFloor = noiseFloor;
    }

    public abstract double forward(double x);

    public abstract double inverse(double y);

    public double noiseFloor() {
        return noiseFloor;
    }
}
