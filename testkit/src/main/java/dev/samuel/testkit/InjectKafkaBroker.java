package dev.samuel.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link KafkaBroker} field to receive the shared broker: in plain JUnit tests through
 * {@link KafkaExtension} / {@link WithKafka}, in {@code @QuarkusTest}s through {@link KafkaTestResource}.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface InjectKafkaBroker {
}
