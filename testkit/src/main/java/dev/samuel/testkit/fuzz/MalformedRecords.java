package dev.samuel.testkit.fuzz;

import static dev.samuel.testkit.fuzz.Formats.array;
import static dev.samuel.testkit.fuzz.Formats.arrayWith;
import static dev.samuel.testkit.fuzz.Formats.quoted;
import static dev.samuel.testkit.fuzz.Formats.utf8;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A seeded generator of malformed event records (docs/design.md, "Formats"), each with the reject reason a service must
 * dead-letter it with, and of valid records to interleave with them. One generator serves ingest (labelled
 * examples) and inference (unlabelled events), so both services are held to the same table of reasons.
 *
 * <p>Assumes the spec the records are checked against names neither its features nor its classes, and that the
 * JSON reader keeps Jackson's default limits (nesting depth 1000, numbers of 1000 characters, names of 50,000).
 * Reasons are the codes of contracts' {@code RejectReason}, as strings: testkit does not depend on contracts.
 */
public final class MalformedRecords {

    public static final String ENCODING_HEADER = "samuel.encoding";

    /** Kinds of bad input; heavy ones are large (up to about 600 KB) and a test may ask for fewer of them. */
    public enum Family {
        RANDOM_BYTES, TRUNCATED_JSON, BROKEN_SYNTAX, DEEP_NESTING(true), WRONG_DIMENSION, NON_FINITE_TOKEN,
        NON_FINITE_BINARY, HUGE_NUMBER, HUGE_STRING(true), WRONG_TYPE, BINARY_WRONG_LENGTH, UNKNOWN_ENCODING,
        NULL_OR_EMPTY, OVERSIZED(true);

        final boolean heavy;

        Family() {
            this(false);
        }

        Family(boolean heavy) {
            this.heavy = heavy;
        }
    }

    /**
     * One record value with its headers. {@code reason} is the expected reject reason, null for a valid record;
     * {@code hint}, when not null, is a fragment the reject message must contain.
     */
    public record Sample(Family family, String variant, byte[] value, Headers headers, String reason, String hint) {

        public boolean valid() {
            return reason == null;
        }

        @Override
        public String toString() {
            var preview = value == null ? "null" : new String(value, 0, Math.min(value.length, 80), StandardCharsets.UTF_8);
            return (family == null ? "valid" : family) + "/" + variant + " -> " + reason + " ("
                    + (value == null ? 0 : value.length) + " bytes: " + preview.replaceAll("\\p{Cntrl}", "?") + ")";
        }
    }

    static final String INVALID_JSON = "invalid_json";
    static final String INVALID_BINARY = "invalid_binary";
    static final String UNKNOWN_ENCODING = "unknown_encoding";
    static final String WRONG_DIMENSION = "wrong_dimension";
    static final String NOT_FINITE = "not_finite";
    static final String WRONG_TYPE = "wrong_type";
    static final String MISSING_FEATURES = "missing_features";
    static final String UNKNOWN_FEATURE = "unknown_feature";
    static final String MISSING_LABEL = "missing_label";
    static final String INVALID_LABEL = "invalid_label";
    static final String INVALID_WEIGHT = "invalid_weight";
    static final String OVERSIZED = "oversized";

    final Random random;
    final int features;
    final int classes;
    final boolean labelled;
    final int maxRecordBytes;
    private final MalformedFamilies families;
    private double heavyShare = Double.NaN;

    private MalformedRecords(long seed, int features, int classes, boolean labelled, int maxRecordBytes) {
        this.random = new Random(seed);
        this.features = features;
        this.classes = classes;
        this.labelled = labelled;
        this.maxRecordBytes = maxRecordBytes;
        this.families = new MalformedFamilies(this);
    }

    /** Labelled examples ({@code <model>.labelled}); {@code maxRecordBytes} 0 when no size limit applies. */
    public static MalformedRecords labelled(long seed, int features, int classes, int maxRecordBytes) {
        return new MalformedRecords(seed, features, classes, true, maxRecordBytes);
    }

    /** Unlabelled events ({@code <model>.unlabelled}); the service applies no size limit of its own. */
    public static MalformedRecords unlabelled(long seed, int features) {
        return new MalformedRecords(seed, features, 0, false, 0);
    }

    /** Picks a heavy family this often instead of uniformly: keeps a test on a real broker fast. */
    public MalformedRecords heavyShare(double share) {
        this.heavyShare = share;
        return this;
    }

    /** The families that apply: {@code OVERSIZED} only to labelled examples with a size limit. */
    public List<Family> families() {
        return Arrays.stream(Family.values())
                .filter(f -> f != Family.OVERSIZED || (labelled && maxRecordBytes > 0)).toList();
    }

    public Sample malformed() {
        var all = families();
        List<Family> pool = all;
        if (!Double.isNaN(heavyShare)) {
            boolean heavy = random.nextDouble() < heavyShare;
            pool = all.stream().filter(f -> f.heavy == heavy).toList();
        }
        return malformed(pool.get(random.nextInt(pool.size())));
    }

    public Sample malformed(Family family) {
        var sample = families.generate(family);
        // Ingest refuses an oversized value before it parses it, whatever else is wrong with it.
        if (labelled && maxRecordBytes > 0 && sample.value() != null && sample.value().length > maxRecordBytes) {
            return new Sample(family, sample.variant(), sample.value(), sample.headers(), OVERSIZED, "exceeds the limit");
        }
        return sample;
    }

    /**
     * A valid record whose first feature is {@code first} (exact for integers below 2^24, so a test can tell its
     * records apart), JSON or f32le, with layouts a strict reader might trip on: whitespace, extra fields, nesting
     * within the limit, a number that underflows to zero.
     */
    public Sample valid(int first) {
        var values = Formats.randomFeatures(random, features, first);
        if (random.nextInt(3) == 0) {
            Float weight = labelled && random.nextBoolean() ? random.nextFloat() * 3 : null;
            return new Sample(null, "f32le", Formats.binary(values, labelled ? new float[] {label()} : null, weight),
                    f32le(), null, null);
        }
        var featuresJson = random.nextInt(10) == 0 && features > 1 ? arrayWith(values, 1, "1e-400") : array(values);
        String meta = switch (random.nextInt(6)) {
            case 0 -> "{\"source\":\"fuzz\",\"note\":" + quoted(Formats.text(random, random.nextInt(40))) + "}";
            case 1 -> Formats.nested(1 + random.nextInt(900), random.nextBoolean());
            default -> null;
        };
        return new Sample(null, "json", utf8(json(featuresJson, labelled ? labelJson() : null,
                labelled && random.nextInt(4) == 0 ? "0.5" : null, meta)), json(), null, null);
    }

    // Building blocks for MalformedFamilies.

    float[] randomFeatures() {
        return Formats.randomFeatures(random, features, random.nextFloat());
    }

    /** A valid class index; 0 (and no random draw) for unlabelled events, which carry none. */
    int label() {
        return labelled ? random.nextInt(classes) : 0;
    }

    String labelJson() {
        if (!labelled) {
            return null;
        }
        int label = label();
        return random.nextBoolean() ? Integer.toString(label) : label + ".0";
    }

    /** An object of the given parts (raw JSON, null leaves a part out); label and weight only when labelled. */
    String json(String featuresJson, String labelJson, String weightJson, String meta) {
        return Formats.object(random, "features", featuresJson, "label", labelled ? labelJson : null,
                "weight", labelled ? weightJson : null, "meta", meta);
    }

    /** A valid record with {@code features} in place of its feature array. */
    String withFeatures(String featuresJson) {
        return json(featuresJson, labelJson(), null, null);
    }

    Headers json() {
        var headers = new RecordHeaders();
        return random.nextInt(4) == 0 ? headers.add(ENCODING_HEADER, utf8("json")) : headers;
    }

    Headers f32le() {
        return new RecordHeaders().add(ENCODING_HEADER, utf8("f32le"));
    }
}
