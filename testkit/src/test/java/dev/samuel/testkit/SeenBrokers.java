package dev.samuel.testkit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Bootstrap addresses handed to extension-driven test classes in this JVM. */
final class SeenBrokers {

    static final Set<String> BOOTSTRAPS = ConcurrentHashMap.newKeySet();

    private SeenBrokers() {
    }
}
