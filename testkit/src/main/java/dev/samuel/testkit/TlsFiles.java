package dev.samuel.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A certificate authority and a broker certificate made for one test run, by the JDK's own {@code keytool}, in a
 * directory of the caller's: the broker's PKCS12 keystore (its key and its certificate, signed by the CA) and a PKCS12
 * truststore that holds the CA alone, for clients. Every store has the same random password.
 *
 * <p>The broker's certificate names {@code 127.0.0.1} and {@code localhost} as subject alternative names, so clients
 * keep hostname verification on (Kafka's default, {@code ssl.endpoint.identification.algorithm=https}) and it passes:
 * a client checks that it reached the broker the certificate was made for, as it would across machines.
 */
public record TlsFiles(Path keystore, Path truststore, String password) {

    private static final String TYPE = "PKCS12";
    private static final String PASSWORD_VARIABLE = "SAMUEL_TLS_STORE_PASSWORD";
    /** Days: longer than any test run. */
    private static final String VALIDITY = "2";

    /** Makes the CA, the broker's keystore and the clients' truststore in {@code dir}, which must exist. */
    public static TlsFiles generate(Path dir) {
        var bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        var password = HexFormat.of().formatHex(bytes);
        var ca = dir.resolve("ca.p12");
        var caCertificate = dir.resolve("ca.pem");
        var files = new TlsFiles(dir.resolve("broker.p12"), dir.resolve("truststore.p12"), password);
        var request = dir.resolve("broker.csr");
        var brokerCertificate = dir.resolve("broker.pem");
        // The CA: a key pair whose certificate may sign others (basic constraints CA:true).
        keytool(password, "-genkeypair", "-alias", "ca", "-dname", "CN=Samuel test CA", "-ext", "bc:c",
                "-keyalg", "RSA", "-validity", VALIDITY, "-keystore", ca);
        keytool(password, "-exportcert", "-rfc", "-alias", "ca", "-keystore", ca, "-file", caCertificate);
        keytool(password, "-importcert", "-noprompt", "-alias", "ca", "-file", caCertificate,
                "-keystore", files.truststore);
        // The broker: its key pair, a request for a certificate, the CA's answer with the names clients connect to.
        keytool(password, "-genkeypair", "-alias", "broker", "-dname", "CN=localhost", "-keyalg", "RSA",
                "-validity", VALIDITY, "-keystore", files.keystore);
        keytool(password, "-certreq", "-alias", "broker", "-keystore", files.keystore, "-file", request);
        keytool(password, "-gencert", "-rfc", "-alias", "ca", "-keystore", ca, "-infile", request,
                "-outfile", brokerCertificate, "-validity", VALIDITY, "-ext", "san=ip:127.0.0.1,dns:localhost");
        // The answer goes back beside the key with the chain up to the CA, which the broker presents to clients;
        // -noprompt accepts that chain's root, the CA just made.
        var chain = dir.resolve("broker-chain.pem");
        concatenate(chain, brokerCertificate, caCertificate);
        keytool(password, "-importcert", "-noprompt", "-alias", "broker", "-file", chain, "-keystore", files.keystore);
        return files;
    }

    /** Client settings that trust the CA and nothing else: {@code ssl.truststore.location}, its password and type. */
    public Map<String, Object> clientTrust() {
        return Map.of("ssl.truststore.location", truststore.toString(), "ssl.truststore.password", password,
                "ssl.truststore.type", TYPE);
    }

    /**
     * Broker settings for every listener: the keystore it presents, and the truststore its own connections (to its
     * controller, to itself as a broker) check the certificate with.
     */
    Map<String, String> brokerProperties() {
        return Map.of("ssl.keystore.location", keystore.toString(), "ssl.keystore.password", password,
                "ssl.key.password", password, "ssl.keystore.type", TYPE,
                "ssl.truststore.location", truststore.toString(), "ssl.truststore.password", password,
                "ssl.truststore.type", TYPE);
    }

    private static void concatenate(Path target, Path... files) {
        try (var out = Files.newOutputStream(target)) {
            for (var file : files) {
                Files.copy(file, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static void keytool(String password, Object... arguments) {
        var command = new ArrayList<String>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                // A JVM that runs for a second: its quickest start, without the optimizing compiler or a parallel GC.
                "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"));
        for (var argument : arguments) {
            command.add(argument.toString());
        }
        // Every store is PKCS12, whose keys take the store's password; from the environment, not the command line,
        // where any user of the machine could read it.
        command.addAll(List.of("-storetype", TYPE, "-storepass:env", PASSWORD_VARIABLE));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(PASSWORD_VARIABLE, password);
        try {
            var process = builder.start();
            // Nothing to answer: a question (a missing option) meets the end of input and fails rather than waits.
            process.getOutputStream().close();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while keytool ran", e);
        }
    }

    @Override
    public String toString() {
        return "TlsFiles[" + keystore.getParent() + "]";
    }
}
