package dev.samuel.drift;

import java.util.Map;

/**
 * A model's drift detector as its spec's {@code monitoring.drift} block names it, for example
 * {@code {"detector": "adwin", "delta": 0.002}}: the detector's name and its parameters, each of them optional (a
 * parameter left out takes the detector's default). The block is read from the map a JSON reader makes of it, so that
 * this library needs no JSON library of its own.
 */
public sealed interface DriftSettings permits AdwinParameters, PageHinkleyParameters, DdmParameters {

    /** The detector when the spec names none: ADWIN with its defaults (issue 15). */
    DriftSettings DEFAULT = AdwinParameters.DEFAULT;

    /** The detector's name, as a spec's block names it. */
    String detector();

    /** A new detector with these parameters, for one served version. */
    DriftDetector newDetector();

    /**
     * Reads a {@code monitoring.drift} block.
     *
     * @param block the block's fields: {@code detector} (a string; absent: {@code adwin}) and the detector's
     *              parameters (numbers)
     * @throws InvalidDriftParameterException naming the first field that cannot be used: an unknown detector, a
     *                                        parameter the detector does not have, a value that is not a number or is
     *                                        out of its range
     */
    static DriftSettings of(Map<String, ?> block) {
        SettingsBlock fields = new SettingsBlock(block);
        String detector = fields.detector(AdwinParameters.NAME);
        return switch (detector) {
            case AdwinParameters.NAME -> fields.read(detector, AdwinParameters.class, AdwinParameters.DEFAULT);
            case PageHinkleyParameters.NAME -> fields.read(detector, PageHinkleyParameters.class, PageHinkleyParameters.DEFAULT);
            case DdmParameters.NAME -> fields.read(detector, DdmParameters.class, DdmParameters.DEFAULT);
            default -> throw new InvalidDriftParameterException("detector", "'" + detector
                    + "' is not a detector; one of " + AdwinParameters.NAME + ", " + PageHinkleyParameters.NAME
                    + ", " + DdmParameters.NAME);
        };
    }
}
