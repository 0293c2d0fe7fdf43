package dev.samuel.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.Kustomization;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Reads manifests into typed models and refuses any field the model does not know. The fabric8 and Strimzi
 * classes keep unknown fields in an "additionalProperties" map (a Jackson any-setter) instead of failing, so the
 * any-setters are taken out; and a number or boolean where the API wants a string (a ConfigMap value, a label)
 * is refused as the API server would refuse it.
 */
final class StrictModel {

    static final ObjectMapper MAPPER = strictMapper();

    /** The kinds this base may contain, each with its model; KEDA's have no published model, see ScaledObject. */
    private static final Map<String, Class<?>> KINDS = Map.ofEntries(
            Map.entry("Namespace", Namespace.class),
            Map.entry("ConfigMap", ConfigMap.class),
            Map.entry("Secret", Secret.class),
            Map.entry("Service", Service.class),
            Map.entry("PersistentVolumeClaim", PersistentVolumeClaim.class),
            Map.entry("Deployment", Deployment.class),
            Map.entry("StatefulSet", StatefulSet.class),
            Map.entry("Kafka", Kafka.class),
            Map.entry("KafkaNodePool", KafkaNodePool.class),
            Map.entry("KafkaTopic", KafkaTopic.class),
            Map.entry("KafkaUser", KafkaUser.class),
            Map.entry("PodMonitor", PodMonitor.class),
            Map.entry("ScaledObject", ScaledObject.class),
            Map.entry("TriggerAuthentication", TriggerAuthentication.class));

    private StrictModel() {
    }

    /** The model of a manifest, chosen by its kind, after checking its apiVersion against the model's. */
    static Object read(JsonNode manifest) {
        var kind = manifest.path("kind").asText();
        var type = KINDS.get(kind);
        if (type == null) {
            throw new IllegalArgumentException("unexpected kind '" + kind + "'; known: " + KINDS.keySet());
        }
        var apiVersion = manifest.path("apiVersion").asText();
        if (!apiVersions(type).contains(apiVersion)) {
            throw new IllegalArgumentException(kind + " must have apiVersion " + apiVersions(type) + ", not '"
                    + apiVersion + "'");
        }
        return convert(manifest, type);
    }

    static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException("at " + path(e) + ": " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    /** Where in the document the problem is, as spec.template.spec.containers[0].portz. */
    private static String path(JsonMappingException e) {
        var path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static Kustomization kustomization(JsonNode node) {
        return convert(node, Kustomization.class);
    }

    /**
     * The apiVersions the model reads. Strimzi's CRDs serve several (0.49: v1 and v1beta2, listed in the class's
     * VERSIONS); the others have one.
     */
    static List<String> apiVersions(Class<?> type) {
        if (type == ScaledObject.class) {
            return List.of(ScaledObject.API_VERSION);
        }
        if (type == TriggerAuthentication.class) {
            return List.of(TriggerAuthentication.API_VERSION);
        }
        var resource = type.asSubclass(HasMetadata.class);
        try {
            @SuppressWarnings("unchecked")
            var versions = (List<String>) type.getField("VERSIONS").get(null);
            var group = HasMetadata.getGroup(resource);
            return versions.stream().map(version -> group + "/" + version).toList();
        } catch (NoSuchFieldException e) {
            return List.of(HasMetadata.getApiVersion(resource));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Strimzi's enums map a value they do not know to null (their forValue creators) where the CRD's schema would
     * refuse it: "Produce" as an ACL operation, say. Refused here too.
     */
    private static final class KnownEnumValue extends DelegatingDeserializer {

        KnownEnumValue(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new KnownEnumValue(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            var value = super.deserialize(parser, context);
            if (value == null) {
                return context.handleWeirdStringValue(handledType(), parser.getText(), "not a value %s knows",
                        handledType().getSimpleName());
            }
            return value;
        }
    }

    private static ObjectMapper strictMapper() {
        var noAnySetter = new SimpleModule().setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                    BeanDeserializerBuilder builder) {
                builder.setAnySetter(null);
                builder.setIgnoreUnknownProperties(false);
                return builder;
            }

            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new KnownEnumValue(deserializer);
            }
        });
        var mapper = YAMLMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .addModule(noAnySetter)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}
