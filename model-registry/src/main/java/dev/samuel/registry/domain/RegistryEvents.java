package dev.samuel.registry.domain;

/** Things worth counting that the log does not record: refused uploads and corrupt artifacts. */
public interface RegistryEvents {

    void validationFailed(String model, String reason);

    void corruptArtifact(String model);
}
