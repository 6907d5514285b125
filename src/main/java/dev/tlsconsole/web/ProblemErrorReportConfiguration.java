package dev.tlsconsole.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import dev.tlsconsole.api.ApiPaths;
import dev.tlsconsole.api.Problems;

import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Tomcat refuses before the application sees them ({@code %00} or {@code %2F} in the path, a
 * request line or headers over the limit) are answered by the host's error report valve. This replaces
 * it by one that answers a problem document for {@code /api/**} and {@code /actuator/**} and a bare page
 * (no server version, no report) for everything else.
 */
@Configuration(proxyBeanMethods = false)
class ProblemErrorReportConfiguration {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve(JsonMapper mapper) {
        return factory -> factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            ProblemErrorReportValve valve = new ProblemErrorReportValve(mapper);
            valve.setShowReport(false);
            valve.setShowServerInfo(false);
            host.getPipeline().addValve(valve);
            if (host instanceof StandardHost standard) {
                // the host would otherwise add its default valve next to this one when it starts
                standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** The host's error report valve, answering problem documents on API paths. */
    static final class ProblemErrorReportValve extends ErrorReportValve {

        private final JsonMapper mapper;

        ProblemErrorReportValve(JsonMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            String uri = request.getRequestURI();
            boolean api = uri != null && (uri.startsWith(ApiPaths.PREFIX + "/") || uri.startsWith("/actuator"));
            if (!api) {
                super.report(request, response, throwable);
                return;
            }
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            ProblemDetail problem = Problems.of(known == null ? HttpStatus.BAD_REQUEST : known, known != null && known.is5xxServerError()
                    ? "The console could not complete the request"
                    : "The request was refused before it reached the console: its path, request line or headers are malformed or too large");
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(mapper.writeValueAsString(problem));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the response was already committed: nothing more can be sent
                container.getLogger().debug("Could not write the error problem document", e);
            }
        }
    }
}
