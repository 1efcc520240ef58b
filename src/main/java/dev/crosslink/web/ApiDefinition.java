package dev.crosslink.web;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The OpenAPI document's header and the bearer scheme behind Swagger UI's Authorize button. */
@OpenAPIDefinition(info = @Info(title = "Crosslink API", version = "0.1.0"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API token: the admin token from the server's first start, or one made with POST /api/tokens")
public class ApiDefinition extends Application {
}
