package dev.samuel.contracts.spec;

/**
 * A feature read as a category ({@code input.categorical}): a string, or a number taken as a code. Each job learns
 * its vocabulary from its training data: the {@code maxValues} most frequent values seen at least {@code minCount}
 * times; any other value, and a missing one, falls in one more "other" bucket. The program encodes the bucket one-hot,
 * or, with {@code embedding} > 0, as a learned vector of that width.
 */
public record Categorical(Integer maxValues, Integer minCount, Integer embedding) {

    public static final Categorical ONE_HOT = new Categorical(null, null, null);

    public Categorical {
        maxValues = maxValues == null ? 1000 : maxValues;
        minCount = minCount == null ? 1 : minCount;
        embedding = embedding == null ? 0 : embedding;
    }

    public boolean oneHot() {
        return embedding == 0;
    }
}
