package dev.samuel.deploy;

import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleClusterResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTransactionalIdResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What Kafka's simple authorizer lets a KafkaUser do, from the user's ACL rules as Strimzi writes them: a request
 * is allowed when an allow rule matches it and no deny rule does. A rule matches a resource by name (literal,
 * {@code *} for all) or by prefix, from any host only; an operation is granted by itself, by {@code All}, or as
 * Kafka implies it ({@code Describe} by Read, Write, Delete and Alter; {@code DescribeConfigs} by AlterConfigs).
 */
record KafkaAcls(List<AclRule> rules) {

    static KafkaAcls of(KafkaUser user) {
        if (!(user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple simple)) {
            throw new AssertionError("KafkaUser " + user.getMetadata().getName() + " has no simple authorization");
        }
        return new KafkaAcls(simple.getAcls() == null ? List.of() : simple.getAcls());
    }

    /** Whether the user may do {@code operation} on the resource {@code type} ("topic", "group", ...) {@code name}. */
    boolean allows(String type, String name, AclOperation operation) {
        return matching(type, operation, AclRuleType.ALLOW).stream().anyMatch(rule -> covers(rule, name))
                && matching(type, operation, AclRuleType.DENY).stream().noneMatch(rule -> covers(rule, name));
    }

    /** Whether the user may do {@code operation} on every resource whose name starts with {@code prefix}. */
    boolean allowsEvery(String type, String prefix, AclOperation operation) {
        return matching(type, operation, AclRuleType.ALLOW).stream().anyMatch(rule -> coversEvery(rule, prefix))
                && matching(type, operation, AclRuleType.DENY).stream().noneMatch(rule -> coversSome(rule, prefix));
    }

    /** Whether the user may do {@code operation} on the cluster (IdempotentWrite, say). */
    boolean allowsOnCluster(AclOperation operation) {
        return !matching("cluster", operation, AclRuleType.ALLOW).isEmpty()
                && matching("cluster", operation, AclRuleType.DENY).isEmpty();
    }

    private List<AclRule> matching(String type, AclOperation operation, AclRuleType permission) {
        return rules.stream()
                .filter(rule -> (rule.getType() == null ? AclRuleType.ALLOW : rule.getType()) == permission)
                .filter(rule -> rule.getHost() == null || rule.getHost().equals("*"))
                .filter(rule -> type.equals(rule.getResource().getType()))
                .filter(rule -> grants(rule, operation))
                .toList();
    }

    private static boolean grants(AclRule rule, AclOperation operation) {
        var granted = EnumSet.noneOf(AclOperation.class);
        if (rule.getOperations() != null) {
            granted.addAll(rule.getOperations());
        }
        if (rule.getOperation() != null) {
            granted.add(rule.getOperation());
        }
        if (granted.contains(AclOperation.ALL) || granted.contains(operation)) {
            return true;
        }
        return switch (operation) {
            case DESCRIBE -> granted.stream().anyMatch(Set.of(AclOperation.READ, AclOperation.WRITE,
                    AclOperation.DELETE, AclOperation.ALTER)::contains);
            case DESCRIBECONFIGS -> granted.contains(AclOperation.ALTERCONFIGS);
            default -> false;
        };
    }

    private record Pattern(String name, boolean prefix) {
    }

    private static Pattern pattern(AclRule rule) {
        var resource = rule.getResource();
        if (resource instanceof AclRuleClusterResource) {
            return new Pattern("*", false);
        }
        String name;
        AclResourcePatternType type;
        if (resource instanceof AclRuleTopicResource topic) {
            name = topic.getName();
            type = topic.getPatternType();
        } else if (resource instanceof AclRuleGroupResource group) {
            name = group.getName();
            type = group.getPatternType();
        } else if (resource instanceof AclRuleTransactionalIdResource transactionalId) {
            name = transactionalId.getName();
            type = transactionalId.getPatternType();
        } else {
            throw new AssertionError("unknown ACL resource " + resource);
        }
        return new Pattern(name, type == AclResourcePatternType.PREFIX);
    }

    private static boolean covers(AclRule rule, String name) {
        var pattern = pattern(rule);
        if (pattern.prefix()) {
            return name.startsWith(pattern.name());
        }
        return pattern.name().equals("*") || pattern.name().equals(name);
    }

    private static boolean coversEvery(AclRule rule, String prefix) {
        var pattern = pattern(rule);
        return pattern.prefix() ? prefix.startsWith(pattern.name()) : pattern.name().equals("*");
    }

    private static boolean coversSome(AclRule rule, String prefix) {
        var pattern = pattern(rule);
        if (pattern.prefix()) {
            return prefix.startsWith(pattern.name()) || pattern.name().startsWith(prefix);
        }
        return pattern.name().equals("*") || pattern.name().startsWith(prefix);
    }
}
