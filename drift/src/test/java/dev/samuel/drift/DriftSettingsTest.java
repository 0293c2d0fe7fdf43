package dev.samuel.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DriftSettingsTest {

    @Test
    void theIssuesExampleBlockIsAdwinWithItsDefaults() {
        DriftSettings settings = DriftSettings.of(Map.of("detector", "adwin", "delta", 0.002));

        assertThat(settings).isEqualTo(AdwinParameters.DEFAULT).isEqualTo(DriftSettings.DEFAULT);
        assertThat(settings.newDetector()).isInstanceOf(Adwin.class);
        assertThat(AdwinParameters.DEFAULT).isEqualTo(new AdwinParameters(0.002, 5, 32));
    }

    @Test
    void anEmptyBlockIsTheDefaultDetector() {
        assertThat(DriftSettings.of(Map.of())).isEqualTo(DriftSettings.DEFAULT);
    }

    @Test
    void readsEachDetectorsParametersAndDefaultsTheOthers() {
        assertThat(DriftSettings.of(Map.of("detector", "adwin", "delta", 0.01, "maxBuckets", 7)))
                .isEqualTo(new AdwinParameters(0.01, 7, 32));
        assertThat(DriftSettings.of(Map.of("detector", "page-hinkley", "lambda", 150, "alpha", 1)))
                .isEqualTo(new PageHinkleyParameters(0.005, 150, 1, 30));
        assertThat(DriftSettings.of(Map.of("detector", "ddm", "minInstances", 50L)))
                .isEqualTo(new DdmParameters(2, 3, 50));
        assertThat(DriftSettings.of(Map.of("detector", "page-hinkley")).newDetector())
                .isInstanceOf(PageHinkley.class);
        assertThat(DriftSettings.of(Map.of("detector", "ddm")).newDetector()).isInstanceOf(Ddm.class);
    }

    @Test
    void refusesAnUnknownDetectorNamingTheKnownOnes() {
        assertThatThrownBy(() -> DriftSettings.of(Map.of("detector", "kswin")))
                .isInstanceOfSatisfying(InvalidDriftParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("detector"))
                .hasMessageContaining("'kswin'").hasMessageContaining("adwin, page-hinkley, ddm");
    }

    @Test
    void refusesAParameterTheDetectorDoesNotHave() {
        assertThatThrownBy(() -> DriftSettings.of(Map.of("detector", "page-hinkley", "lamda", 100)))
                .isInstanceOfSatisfying(InvalidDriftParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("lamda"))
                .hasMessageContaining("alpha, delta, lambda, minInstances");
        assertThatThrownBy(() -> DriftSettings.of(Map.of("delta", 0.002, "lambda", 50)))
                .hasMessageStartingWith("monitoring.drift.lambda: not a parameter of adwin");
    }

    @ParameterizedTest
    @CsvSource({
        "adwin, delta, 0, must be in (0, 1)",
        "adwin, delta, 1, must be in (0, 1)",
        "adwin, delta, NaN, must be in (0, 1)",
        "adwin, maxBuckets, 1, must be 2 or more",
        "adwin, maxBuckets, 5.5, must be a whole number",
        "adwin, checkPeriod, 0, must be 1 or more",
        "page-hinkley, delta, -0.1, must be a finite number, 0 or more",
        "page-hinkley, lambda, 0, must be a finite number above 0",
        "page-hinkley, alpha, 1.5, must be in (0, 1]",
        "page-hinkley, alpha, 0, must be in (0, 1]",
        "page-hinkley, minInstances, 0, must be 1 or more",
        "ddm, warningLevel, -2, must be a finite number above 0",
        "ddm, driftLevel, 1.5, must be above warningLevel (2.0)",
        "ddm, minInstances, 1e10, must be a whole number",
    })
    void refusesAValueOutOfRangeNamingTheParameter(String detector, String parameter, double value, String problem) {
        Map<String, Object> block = new HashMap<>(Map.of("detector", detector, parameter, value));

        assertThatThrownBy(() -> DriftSettings.of(block))
                .isInstanceOfSatisfying(InvalidDriftParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo(parameter))
                .hasMessageStartingWith("monitoring.drift." + parameter + ": " + problem);
    }

    @Test
    void refusesAValueThatIsNotANumber() {
        assertThatThrownBy(() -> DriftSettings.of(Map.of("detector", "adwin", "delta", "0.002")))
                .isInstanceOfSatisfying(InvalidDriftParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("delta"))
                .hasMessageContaining("must be a number");
        assertThatThrownBy(() -> DriftSettings.of(Map.of("detector", 3)))
                .hasMessageContaining("monitoring.drift.detector: must be a string");
    }

    @Test
    void theRecordsRefuseOnConstructionToo() {
        assertThatThrownBy(() -> new AdwinParameters(2, 5, 32)).isInstanceOf(InvalidDriftParameterException.class)
                .hasMessageContaining("delta");
    }
}
