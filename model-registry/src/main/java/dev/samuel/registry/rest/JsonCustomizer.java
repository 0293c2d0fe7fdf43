package dev.samuel.registry.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Responses are written like every Samuel format (contracts' Json): record components only, no nulls. */
@Singleton
public class JsonCustomizer implements ObjectMapperCustomizer {

    @Override
    @SuppressWarnings("deprecation")
    public void customize(ObjectMapper mapper) {
        // Helpers such as Task.isClassification() are not properties.
        mapper.configure(MapperFeature.AUTO_DETECT_IS_GETTERS, false);
        mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }
}
