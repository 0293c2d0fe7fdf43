package dev.samuel.contracts.spec;

import java.util.List;

/**
 * Where the initial parameters come from: exactly one of {@code {"random": {"seed": 42}}} (seeded He/Xavier) or
 * {@code {"from": "digits@champion"}} (a registered version, by number or alias: one the platform trained from this
 * spec, or a program imported with {@code bin/samuel import}); {@code freeze} names parameters (initializers of the
 * network being trained) that training must not change.
 */
public record Init(Random random, String from, List<String> freeze) {

    public static final Init DEFAULT = new Init(new Random(42L), null, null);

    public record Random(Long seed) {
        public Random {
            seed = seed == null ? 42L : seed;
        }
    }

    public Init {
        freeze = freeze == null ? List.of() : List.copyOf(freeze);
    }

    public static Init random(long seed) {
        return new Init(new Random(seed), null, null);
    }

    public static Init from(String reference, List<String> freeze) {
        return new Init(null, reference, freeze);
    }

    /** How many sources are named; a valid spec names exactly one. */
    int sourceCount() {
        return (random == null ? 0 : 1) + (from == null ? 0 : 1);
    }

    /** The seed of random initialisation and of the job's batch order (42 when the spec names another source). */
    public long seed() {
        return random == null ? 42L : random.seed();
    }
}
