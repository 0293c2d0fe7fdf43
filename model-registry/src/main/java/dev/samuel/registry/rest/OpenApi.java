package dev.samuel.registry.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The OpenAPI document's header and the bearer scheme that write operations name. */
@OpenAPIDefinition(info = @Info(title = "Samuel model-registry", version = "0.1.0",
        description = "Model specs, versions, artifacts and aliases; the state lives in the samuel.registry topic."))
@SecurityScheme(securitySchemeName = OpenApi.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "samuel.registry.write-token; reads need none")
public class OpenApi extends Application {

    public static final String BEARER = "write-token";
}
