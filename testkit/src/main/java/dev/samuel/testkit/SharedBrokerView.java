package dev.samuel.testkit;

/** A handle on a broker owned elsewhere (the JVM's shared one): closing it does nothing. */
final class SharedBrokerView implements KafkaBroker {

    private final String bootstrapServers;
    private final String description;

    SharedBrokerView(String bootstrapServers, String description) {
        this.bootstrapServers = bootstrapServers;
        this.description = description;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public String describe() {
        return "shared " + description;
    }

    /** The shared broker outlives every test; see {@link SharedKafkaBroker#shutdown()}. */
    @Override
    public void close() {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SharedBrokerView && ((SharedBrokerView) o).bootstrapServers.equals(bootstrapServers);
    }

    @Override
    public int hashCode() {
        return bootstrapServers.hashCode();
    }

    @Override
    public String toString() {
        return describe();
    }
}
