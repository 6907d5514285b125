package dev.tlsconsole.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI document's title and the two ways to authenticate, so Swagger UI's "Authorize" works. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI consoleOpenApi() {
        return new OpenAPI()
                .info(new Info().title("TLS Topology Console API").version("v1")
                        .description("Hosts, applications, ports and connections of a Genesys topology, their TLS options, "
                                + "effective policies, certificates and the audit trail. Errors are application/problem+json."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A personal API token (My account → Personal API tokens)")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
