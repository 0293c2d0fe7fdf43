package dev.samuel.testkit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * JUnit extension giving tests the JVM's shared {@link KafkaBroker}: as a constructor, test-method or
 * lifecycle-method parameter, or in fields annotated {@link InjectKafkaBroker}. The broker starts on
 * first request and stops when the root extension context closes (end of the test run).
 */
public final class KafkaExtension implements ParameterResolver, TestInstancePostProcessor {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaExtension.class);

    /** The shared broker, registered for shutdown in the root store on first use. */
    public static KafkaBroker broker(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Handle.class, k -> new Handle(SharedKafkaBroker.get()), Handle.class)
                .broker;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return broker(extensionContext);
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
        for (Class<?> c = testInstance.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(InjectKafkaBroker.class) && !Modifier.isStatic(field.getModifiers())) {
                    if (field.getType() != KafkaBroker.class) {
                        throw new IllegalStateException("@InjectKafkaBroker field " + field + " must be of type KafkaBroker");
                    }
                    field.setAccessible(true);
                    field.set(testInstance, broker(context));
                }
            }
        }
    }

    /** Stored in the root context, which JUnit closes (AutoCloseable) after the last test. */
    private static final class Handle implements AutoCloseable {
        private final KafkaBroker broker;

        Handle(KafkaBroker broker) {
            this.broker = broker;
        }

        @Override
        public void close() {
            SharedKafkaBroker.shutdown();
        }
    }
}
