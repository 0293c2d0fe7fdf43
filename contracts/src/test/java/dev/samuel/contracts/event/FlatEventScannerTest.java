package dev.samuel.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The scanner of {@code {"features": [...]}} reads every number to the float Jackson's path reads it to, and leaves
 * every other shape to that path. Jackson's path is reached by the same array with one more field, a shape the
 * scanner never takes.
 */
class FlatEventScannerTest {

    private final Random random = new Random(17);

    @Test
    void everyNumberIsReadToTheFloatJacksonsPathReadsItTo() {
        for (int event = 0; event < 2_000; event++) {
            var numbers = new ArrayList<String>();
            for (int i = 0; i < 50; i++) {
                numbers.add(number());
            }
            String array = String.join(space() + "," + space(), numbers);
            float[] scanned = FlatEventScanner.features(bytes("{" + space() + "\"features\"" + space() + ":" + space()
                    + "[" + space() + array + space() + "]" + space() + "}" + space()));
            float[] jackson = ((FloatVector) JsonReader.readUnlabelled(
                    bytes("{\"features\": [" + array + "], \"other\": 0}")).features()).values();
            assertThat(scanned).as(array).isNotNull();
            assertThat(bits(scanned)).as(array).isEqualTo(bits(jackson));
        }
    }

    @Test
    void theUsualEventIsReadByTheScannerAndToWhatItWrote() {
        float[] pixels = {0, 37, 255, 0.5f, -1.25e-7f, 3.4e38f, 1.4e-45f, Float.MIN_NORMAL};
        byte[] json = JsonWriter.write(UnlabelledEvent.of(pixels));
        assertThat(FlatEventScanner.features(json)).containsExactly(pixels);
        assertThat(((FloatVector) JsonReader.readUnlabelled(json).features()).values()).containsExactly(pixels);
    }

    @Test
    void anyOtherShapeIsLeftToJacksonsPath() {
        for (String other : List.of("{\"features\": [1], \"id\": \"a\"}", "{\"id\": \"a\", \"features\": [1]}",
                "{\"features\": {\"a\": 1}}", "{\"features\": [01]}", "{\"features\": [1,]}", "{\"features\": [1 2]}",
                "{\"features\": [+1]}", "{\"features\": [1.]}", "{\"features\": [.5]}", "{\"features\": [1e]}",
                "{\"features\": [NaN]}", "{\"features\": [\"1\"]}", "{\"features\": [[1]]}", "{\"features\": [tru]}",
                "{\"features\": [truex]}", "{\"features\": [1]} x", "{\"features\": [1]", "{\"features\": [1}",
                "\uFEFF{\"features\": [1]}", "[1]", "", "{\"feature\": [1]}", "{\"features\" [1]}", "{\"features\": 1}",
                "{\"features\": [1" + "0".repeat(1000) + "]}")) {
            assertThat(FlatEventScanner.features(bytes(other))).as(other).isNull();
        }
    }

    @Test
    void booleansNullsAndTheEmptyArrayAreReadAsJacksonsPathReadsThem() {
        assertThat(FlatEventScanner.features(bytes("{\"features\":[true,false,null]}")))
                .containsExactly(1f, 0f, Float.NaN);
        assertThat(FlatEventScanner.features(bytes("{\"features\":[ ]}"))).isEmpty();
    }

    /** A JSON number in one of the forms producers write: integers, decimals, exponents, long digit strings. */
    private String number() {
        String sign = random.nextInt(4) == 0 ? "-" : "";
        return switch (random.nextInt(9)) {
            case 0 -> sign + random.nextInt(256);
            case 1 -> sign + Math.abs(random.nextLong());
            case 2 -> sign + Float.toString(Math.abs(Float.intBitsToFloat(random.nextInt())))
                    .replace("Infinity", "1e39").replace("NaN", "0");
            case 3 -> sign + Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(20) - 10));
            case 4 -> sign + random.nextInt(100_000) + "." + digits(1 + random.nextInt(12));
            case 5 -> sign + (1 + random.nextInt(9)) + "." + digits(random.nextInt(4) + 1) + (random.nextBoolean() ? "e"
                    : "E") + (random.nextBoolean() ? "-" : random.nextBoolean() ? "+" : "") + random.nextInt(46);
            case 6 -> sign + (1 + random.nextInt(9)) + digits(20 + random.nextInt(20));
            case 7 -> sign + "0." + "0".repeat(random.nextInt(10)) + digits(1 + random.nextInt(30));
            default -> sign + "0";
        };
    }

    private String digits(int count) {
        var text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(random.nextInt(10));
        }
        return text.toString();
    }

    private String space() {
        return switch (random.nextInt(6)) {
            case 0 -> " ";
            case 1 -> "\n\t";
            case 2 -> "  \r\n";
            default -> "";
        };
    }

    private static int[] bits(float[] values) {
        var bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToIntBits(values[i]);
        }
        return bits;
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
