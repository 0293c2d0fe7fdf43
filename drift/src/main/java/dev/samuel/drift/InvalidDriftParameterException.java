package dev.samuel.drift;

/** A detector's parameter that cannot be used: the message names it, says what was given and what is allowed. */
public class InvalidDriftParameterException extends IllegalArgumentException {

    private final String parameter;
    private final String problem;

    public InvalidDriftParameterException(String parameter, String problem) {
        super("monitoring.drift." + parameter + ": " + problem);
        this.parameter = parameter;
        this.problem = problem;
    }

    /** What is wrong with the parameter, without its name: a spec may hold several drift blocks. */
    public String problem() {
        return problem;
    }

    /** The parameter's name as the spec's {@code monitoring.drift} block spells it. */
    public String parameter() {
        return parameter;
    }
}
