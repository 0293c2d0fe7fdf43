package dev.samuel.drift;

/** The range checks of the parameter records: each refusal names the parameter, the value and the range. */
final class ParameterCheck {

    private ParameterCheck() {
    }

    static void openUnitInterval(String parameter, double value) {
        if (!(value > 0 && value < 1)) {
            throw new InvalidDriftParameterException(parameter, "must be in (0, 1), was " + value);
        }
    }

    static void fadingFactor(String parameter, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new InvalidDriftParameterException(parameter, "must be in (0, 1] (1: no fading), was " + value);
        }
    }

    static void positive(String parameter, double value) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw new InvalidDriftParameterException(parameter, "must be a finite number above 0, was " + value);
        }
    }

    static void notNegative(String parameter, double value) {
        if (!(value >= 0 && Double.isFinite(value))) {
            throw new InvalidDriftParameterException(parameter, "must be a finite number, 0 or more, was " + value);
        }
    }

    static void atLeast(String parameter, int value, int least) {
        if (value < least) {
            throw new InvalidDriftParameterException(parameter, "must be " + least + " or more, was " + value);
        }
    }
}
