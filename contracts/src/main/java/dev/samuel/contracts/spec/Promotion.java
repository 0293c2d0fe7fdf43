package dev.samuel.contracts.spec;

/**
 * When a freshly trained version becomes champion: its test loss must beat the champion's by at least
 * {@code minImprovement} (absolute).
 */
public record Promotion(Double minImprovement) {

    public static final Promotion DEFAULT = new Promotion(null);

    public Promotion {
        minImprovement = minImprovement == null ? 0.0 : minImprovement;
    }
}
