package io.sori.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sori.platform.security.TokenRules;
import io.sori.platform.security.TokenVerifier;
import io.sori.testsupport.SoriStackInitializer;
import io.sori.testsupport.StackAvailableCondition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/** A service started for real with the secret that is in Sori's source refuses to run outside the embedded default. */
@ExtendWith(StackAvailableCondition.class)
class BuiltInSecretIT {

    private static SpringApplicationBuilder service(String... args) {
        return new SpringApplicationBuilder(PlatformTestApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(new SoriStackInitializer())
                .properties("sori.outbox.enabled=false", "spring.kafka.listener.auto-startup=false");
    }

    @Test
    void shouldRefuseToStartWithTheBuiltInSecretWithoutTheEmbeddedDefaultFlag() {
        // the stack initializer turns the flag on for tests; a command-line argument wins over it
        assertThatThrownBy(() -> service().run("--sori.security.dev-tokens=false",
                "--sori.security.jwt.secret=" + TokenRules.BUILT_IN_SECRET).close())
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage())
                        .contains("built-in secret").contains("SORI_JWT_SECRET"));
    }

    @Test
    void shouldStartWithTheBanksOwnSecretOrAsTheEmbeddedDefault() {
        try (ConfigurableApplicationContext own = service().run("--sori.security.dev-tokens=false",
                "--sori.security.jwt.secret=0123456789abcdef-a-bank-own-secret-0123456789")) {
            assertThat(own.getBean(TokenVerifier.class)).isNotNull();
        }
        try (ConfigurableApplicationContext embedded = service().run("--sori.security.dev-tokens=true",
                "--sori.security.jwt.secret=" + TokenRules.BUILT_IN_SECRET)) {
            assertThat(embedded.getBean(TokenVerifier.class)).isNotNull();
        }
    }
}
