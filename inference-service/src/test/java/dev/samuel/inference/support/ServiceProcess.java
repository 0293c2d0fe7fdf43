package dev.samuel.inference.support;

import dev.samuel.plumbing.launch.JavaCommand;
import java.io.File;
import java.time.Duration;

/**
 * The service runtime as a process of its own, for the crash test: killed with {@code destroyForcibly}, it gets no
 * chance to abort its transaction or commit anything. Arguments: bootstrap servers, registry URL, instance id, commit
 * interval, consumer group.
 */
public final class ServiceProcess {

    private ServiceProcess() {
    }

    public static void main(String[] args) throws Exception {
        var runtime = Service.start(args[0], args[1], args[2], args[4], Duration.parse(args[3]));
        Service.await(runtime::isReady, Duration.ofSeconds(60), "never ready");
        System.out.println("READY");
        Thread.sleep(Long.MAX_VALUE);
    }

    /** Starts a child JVM running {@link #main}, with this JVM's class path; its output goes to {@code log}. */
    public static Process start(String bootstrap, String registryUrl, String instance, File log) {
        return start(bootstrap, registryUrl, instance, Duration.ofMillis(20), log);
    }

    /** As {@link #start(String, String, String, File)}, each transaction open for {@code commitInterval}. */
    public static Process start(String bootstrap, String registryUrl, String instance, Duration commitInterval, File log) {
        return start(bootstrap, registryUrl, instance, "group-" + instance, commitInterval, log);
    }

    /** One of several instances of the consumer group {@code group}, as {@link Service#start} starts them. */
    public static Process start(String bootstrap, String registryUrl, String instance, String group,
                                Duration commitInterval, File log) {
        return JavaCommand.main(System.getProperty("java.class.path"), ServiceProcess.class.getName())
                .option("-Xmx256m").property("java.util.logging.manager", "org.jboss.logmanager.LogManager")
                .args(bootstrap, registryUrl, instance, commitInterval.toString(), group).log(log.toPath()).start();
    }
}
