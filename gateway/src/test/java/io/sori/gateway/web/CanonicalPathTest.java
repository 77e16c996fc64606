package io.sori.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalPathTest {

    @Test
    void shouldAcceptPlainPathsAndEscapedKorean() {
        for (String path : new String[] {"/api/tickets", "/api/tickets/T-1/replies", "/api/tickets/",
                "/api/kb/articles/faq-transfer-limit", "/api/tickets/%EA%B3%A0%EA%B0%9D", "/API/tickets", "/"}) {
            assertThat(CanonicalPath.whyNot(path)).as(path).isEmpty();
        }
    }

    @Test
    void shouldNameWhatIsWrongWithEveryOtherSpelling() {
        assertThat(CanonicalPath.whyNot("/%61pi/tickets")).hasValue("percent-encodes the ASCII character 'a'");
        assertThat(CanonicalPath.whyNot("/api%2Ftickets")).hasValue("percent-encodes the ASCII character '/'");
        assertThat(CanonicalPath.whyNot("/api/%2e%2e/agents")).hasValue("percent-encodes the ASCII character '.'");
        assertThat(CanonicalPath.whyNot("/api/x%00")).hasValue("percent-encodes the ASCII character 0x00");
        assertThat(CanonicalPath.whyNot("/api;x=1/tickets")).hasValue("carries ;parameters");
        assertThat(CanonicalPath.whyNot("/api/./tickets")).hasValue("has a '.' segment");
        assertThat(CanonicalPath.whyNot("/api/tickets/..")).hasValue("has a '..' segment");
        assertThat(CanonicalPath.whyNot("//api/tickets")).hasValue("has an empty segment (//)");
        assertThat(CanonicalPath.whyNot("/api\\tickets")).hasValue("contains a backslash");
        assertThat(CanonicalPath.whyNot("/api/T-1%")).hasValue("has a malformed percent-escape");
        assertThat(CanonicalPath.whyNot("/api/T-1%zz")).hasValue("has a malformed percent-escape");
        assertThat(CanonicalPath.whyNot("api/tickets")).hasValue("does not start with /");
    }
}
