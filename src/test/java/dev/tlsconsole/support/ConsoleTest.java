package dev.tlsconsole.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one shared Spring test context: the whole console on a random HTTPS port, H2 in memory,
 * MockMvc, and a clock tests may move. Every test class that needs the application uses exactly
 * this annotation (and nothing that changes the context), so the context starts once per run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
public @interface ConsoleTest {

    /** Password of the {@code admin} account in every test context. */
    String ADMIN_PASSWORD = "console-test-password-1";
}
