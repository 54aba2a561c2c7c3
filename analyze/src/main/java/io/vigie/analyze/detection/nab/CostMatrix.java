package io.vigie.analyze.detection.nab;

/** The weights of one NAB application profile ({@code profiles.json}, "CostMatrix"). */
public record CostMatrix(double tpWeight, double fpWeight, double fnWeight) {
    public CostMatrix {
        if (!(tpWeight > 0) || !(fpWeight >= 0) || !(fnWeight >= 0)) {
            throw new IllegalArgumentException("cost weights must be tp > 0, fp >= 0, fn >= 0: " + tpWeight + ", "
                    + fpWeight + ", " + fnWeight);
        }
    }
}
