package dev.samuel.testkit;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * SASL/PLAIN users of an {@link EmbeddedKafkaBroker} that also authorizes every request by ACLs: {@value #ADMIN} is
 * the super user (the broker speaks to itself as admin), every other user may do only what ACLs grant it. Passwords
 * are random per broker. PLAIN over plaintext is for loopback tests only: it sends passwords in the clear; over TLS
 * ({@link EmbeddedKafkaBroker#startWithSaslSsl}) nothing crosses the wire in the clear.
 */
public record SaslPlain(Map<String, String> passwords) {

    public static final String ADMIN = "admin";
    private static final String PROTOCOL = "SASL_PLAINTEXT";
    private static final String MECHANISM = "PLAIN";
    private static final String LOGIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule";

    public SaslPlain {
        passwords = Map.copyOf(passwords);
        if (!passwords.containsKey(ADMIN)) {
            throw new IllegalArgumentException("the users must include " + ADMIN + ", the broker's own identity");
        }
    }

    /** {@value #ADMIN} and these users, each with a random password. */
    public static SaslPlain withUsers(String... users) {
        var random = new SecureRandom();
        var passwords = new LinkedHashMap<String, String>();
        passwords.put(ADMIN, password(random));
        for (var user : users) {
            passwords.put(user, password(random));
        }
        return new SaslPlain(passwords);
    }

    /** The ACL principal of a user, as in {@code User:alice}. */
    public static String principal(String user) {
        return "User:" + user;
    }

    /**
     * Client settings that log in as {@code user} on a SASL_PLAINTEXT broker: security.protocol, sasl.mechanism,
     * sasl.jaas.config. {@link EmbeddedKafkaBroker#login} gives them for whichever broker it is.
     */
    public Map<String, Object> client(String user) {
        var password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no such user: " + user);
        }
        return client(user, password);
    }

    /** Client settings that log in as {@code user} with any password, right or wrong. */
    public static Map<String, Object> client(String user, String password) {
        return Map.of("security.protocol", PROTOCOL, "sasl.mechanism", MECHANISM,
                "sasl.jaas.config", jaas(user, password, ""));
    }

    /**
     * Broker settings on top of the plain ones: both the client {@code listener} (SASL_PLAINTEXT, or SASL_SSL over
     * TLS) and the controller listener authenticate (the broker's own connections to its controller log in as admin,
     * so nothing connects anonymously), and the KRaft authorizer denies whatever no ACL allows.
     */
    Map<String, String> brokerProperties(String listener, String controllerListener) {
        var users = passwords.entrySet().stream()
                .map(user -> " user_" + user.getKey() + "=\"" + user.getValue() + "\"").collect(Collectors.joining());
        var serverJaas = jaas(ADMIN, passwords.get(ADMIN), users);
        var p = new LinkedHashMap<String, String>();
        p.put("sasl.enabled.mechanisms", MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        p.put("sasl.mechanism.controller.protocol", MECHANISM);
        p.put("listener.name." + listener.toLowerCase() + ".plain.sasl.jaas.config", serverJaas);
        p.put("listener.name." + controllerListener.toLowerCase() + ".plain.sasl.jaas.config", serverJaas);
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", principal(ADMIN));
        // Explicit although it is the default: a resource without ACLs is denied, so the test sees every gap.
        p.put("allow.everyone.if.no.acl.found", "false");
        return p;
    }

    private static String jaas(String user, String password, String users) {
        return LOGIN_MODULE + " required username=\"" + user + "\" password=\"" + password + "\"" + users + ";";
    }

    private static String password(SecureRandom random) {
        var bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return "SaslPlain" + passwords.keySet();
    }
}
