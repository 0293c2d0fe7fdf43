package dev.samuel.cli.command;

import dev.samuel.cli.Endpoints;
import dev.samuel.cli.UserTopics;
import dev.samuel.plumbing.registry.RegistryClient;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * What {@code create} and {@code update} share: the spec read and checked from its file, sent to the registry, then
 * the topics users write to created (so a model is never defined without them), then a line for the user.
 */
abstract class SpecCommand implements Callable<Integer> {

    @Mixin
    Endpoints endpoints;

    @Override
    public Integer call() {
        var spec = SpecFile.read(file());
        var revision = send(endpoints.registry(), spec);
        var topics = UserTopics.create(endpoints.kafka(), spec.spec());
        System.out.println(done(spec.spec().name(), revision, topics));
        return 0;
    }

    /** The spec file: a required argument of {@code update}, an optional one of {@code create}. */
    abstract Path file();

    /** Sends the spec; answers the model's revision as the registry reports it. */
    abstract String send(RegistryClient registry, SpecFile spec);

    /** What the user reads once the spec and its topics (labelled, unlabelled) are in place. */
    abstract String done(String model, String revision, List<String> topics);
}
