package dev.firebreak.engine.predict;

/**
 * How a predicted breach becomes a risk score in [0, 1]:
 * {@code risk = (1 - (1 - p) * (1 - anomalyWeight * a)) * (criticalityFloor + (1 - criticalityFloor) * c)}
 * for breach probability p, anomaly score a and criticality c. An anomaly now is extra evidence that
 * the breach is real (a noisy-or with the probability); criticality scales how much the failure would
 * matter, never below the floor, so a leaf component about to fail still ranks.
 *
 * @param anomalyWeight    in [0, 1]
 * @param criticalityFloor in [0, 1]
 */
public record RiskWeights(double anomalyWeight, double criticalityFloor) {

    public static final RiskWeights DEFAULT = new RiskWeights(0.5, 0.5);

    public RiskWeights {
        if (!(anomalyWeight >= 0 && anomalyWeight <= 1)) {
            throw new IllegalArgumentException("anomalyWeight must be in [0, 1], was " + anomalyWeight);
        }
        if (!(criticalityFloor >= 0 && criticalityFloor <= 1)) {
            throw new IllegalArgumentException("criticalityFloor must be in [0, 1], was " + criticalityFloor);
        }
    }

    /**
     * @throws IllegalArgumentException if an input is outside [0, 1]
     */
    public double risk(double breachProbability, double anomalyScore, double criticality) {
        check("breachProbability", breachProbability);
        check("anomalyScore", anomalyScore);
        check("criticality", criticality);
        double evidence = 1 - (1 - breachProbability) * (1 - anomalyWeight * anomalyScore);
        return evidence * (criticalityFloor + (1 - criticalityFloor) * criticality);
    }

    private static void check(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
        }
    }
}
