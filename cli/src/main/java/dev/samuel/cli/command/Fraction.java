package dev.samuel.cli.command;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A number given as a decimal or a fraction: {@code 0.5}, {@code 1/255}. */
final class Fraction implements ITypeConverter<Float> {

    @Override
    public Float convert(String value) {
        try {
            var parts = value.split("/", 2);
            double number = parts.length == 1 ? Double.parseDouble(parts[0])
                    : Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
            if (!Double.isFinite(number)) {
                throw new NumberFormatException();
            }
            return (float) number;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a number or a fraction such as 1/255");
        }
    }
}
