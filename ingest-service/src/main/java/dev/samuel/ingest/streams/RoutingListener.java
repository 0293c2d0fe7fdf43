package dev.samuel.ingest.streams;

import dev.samuel.contracts.event.RejectReason;
import dev.samuel.contracts.split.HoldoutSplit.Split;

/** Told of every routing decision; the service counts them as metrics. */
public interface RoutingListener {

    void routed(String model, Split split);

    void rejected(String model, RejectReason reason);
}
