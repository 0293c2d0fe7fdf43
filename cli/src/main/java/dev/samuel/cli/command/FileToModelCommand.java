package dev.samuel.cli.command;

import dev.samuel.cli.Endpoints;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A command that takes a file to a model: the file is its argument, so the model is named with {@code --model}. */
abstract class FileToModelCommand implements Callable<Integer> {

    @Mixin
    Endpoints endpoints;

    @Option(names = "--model", required = true, description = "the model")
    String model;
}
