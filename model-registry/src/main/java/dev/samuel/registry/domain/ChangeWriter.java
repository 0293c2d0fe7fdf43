package dev.samuel.registry.domain;

import dev.samuel.contracts.registry.RegistryState;
import java.util.function.Function;

/** The single writer of the registry log. */
public interface ChangeWriter {

    /**
     * Decides a change from the current state and writes it, one at a time: no other change is decided
     * between this one's decision and its application to the state. Returns once the change is committed
     * and applied, so the caller's next read sees it. Exceptions of {@code decide} propagate; nothing is written.
     */
    <T> T write(Function<RegistryState, Change<T>> decide);
}
