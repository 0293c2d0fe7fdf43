package dev.samuel.bench.tabular;

import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code bench/run tabular}: tabular events as they really come, the raw Palmer penguins of {@code examples/penguins}
 * (missing measurements, island and sex as text). The held-out accuracy of the platform's model (the shipped
 * {@code penguins-raw.json}) beside a user's numeric-only baseline on the same split ({@link HeldOutComparison}), for
 * the species and, harder, for the sex; then ingest of the same records as JSON and as Avro beside the copy loop
 * ({@link TabularIngest}). Arguments: bootstrap servers, the repository, records per encoding.
 */
public final class TabularBenchmark {

    private TabularBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        var root = Path.of(args[1]);
        int records = Integer.parseInt(args[2]);
        var spec = TabularSpecs.raw(root);
        var rows = PenguinRows.read(root, spec, "species");
        var species = HeldOutComparison.compare(spec, rows);
        System.out.println(species.describe("species"));
        var sexSpec = TabularSpecs.sex(spec);
        var sex = HeldOutComparison.compare(sexSpec, PenguinRows.read(root, sexSpec, "sex"));
        System.out.println(sex.describe("sex"));

        var rates = TabularIngest.measure(bootstrap, root, spec, rows, records);
        System.out.println(String.format(Locale.ROOT, "RESULT tabular_heldout_acc=%.4f tabular_baseline_heldout_acc=%.4f"
                        + " avro_ingest_eps=%d json_ingest_eps=%d ceiling_eps=%d json_ceiling_eps=%d"
                        + " tabular_sex_heldout_acc=%.4f tabular_sex_baseline_heldout_acc=%.4f",
                species.platform(), species.baseline(), Math.round(rates.avro()), Math.round(rates.json()),
                Math.round(rates.avroCeiling()), Math.round(rates.jsonCeiling()), sex.platform(), sex.baseline()));
    }
}
