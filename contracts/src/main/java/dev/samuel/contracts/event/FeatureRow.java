package dev.samuel.contracts.event;

/**
 * One example's or event's inputs as a program reads them: the numbers (NaN where a value the spec lets be missing
 * is missing) and, for a spec with categorical features, their values as text, {@link #MISSING} where missing.
 */
public record FeatureRow(float[] numbers, String[] categories) {

    /** A missing category: never in a vocabulary, so it falls in the "other" bucket. */
    public static final String MISSING = "";
    static final String[] NO_CATEGORIES = new String[0];
}
