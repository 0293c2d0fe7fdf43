package dev.samuel.cli.io;

/** What a CSV cell holds, read one way for telling a header, for the features and for the label. */
final class CsvCells {

    private CsvCells() {
    }

    /** The cell as a number, or null when it is not one. */
    static Float number(String cell) {
        try {
            return Float.parseFloat(cell);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A feature's value: a number, true or false (any case) as 1 or 0, an empty cell as NaN, which the platform reads
     * as a missing value; null for any other text, which is sent as the string it is, for the platform to judge.
     */
    static Float feature(String cell) {
        if (cell.isEmpty()) {
            return Float.NaN;
        }
        if (cell.equalsIgnoreCase("true") || cell.equalsIgnoreCase("false")) {
            return cell.equalsIgnoreCase("true") ? 1f : 0f;
        }
        return number(cell);
    }
}
