package dev.samuel.trainer;

import dev.samuel.testkit.KafkaTestResource;
import dev.samuel.testkit.SharedKafkaBroker;
import java.util.HashMap;
import java.util.Map;

/** The shared test broker and a real model-registry on it, for the trainer to publish to. */
public class TrainerTestResource extends KafkaTestResource {

    private RegistryProcess registry;

    @Override
    public Map<String, String> start() {
        var config = new HashMap<>(super.start());
        try {
            registry = RegistryProcess.start(SharedKafkaBroker.get().bootstrapServers());
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the model-registry for the trainer's tests", e);
        }
        config.put("samuel.trainer.registry-url", registry.url().toString());
        config.put("samuel.trainer.registry-token", RegistryProcess.TOKEN);
        // The platform's one token, as in production: the packaged jar (the IT) has no test-profile default.
        config.put("samuel.trainer.write-token", RegistryProcess.TOKEN);
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        super.inject(testInjector);
        testInjector.injectIntoFields(registry.url(),
                new TestInjector.AnnotatedAndMatchesType(RegistryUrl.class, java.net.URI.class));
    }

    @Override
    public void stop() {
        super.stop();
        try {
            if (registry != null) {
                registry.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
