package dev.samuel.cli.command;

import dev.samuel.cli.Endpoints;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** A command about one model, named by its first argument, on the platform that {@link Endpoints} finds. */
abstract class ModelCommand implements Callable<Integer> {

    @Mixin
    Endpoints endpoints;

    @Parameters(index = "0", paramLabel = "MODEL")
    String model;
}
