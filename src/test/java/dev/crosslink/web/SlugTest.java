package dev.crosslink.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlugTest {

    @Test
    void derivesTheContractsExamples() {
        assertThat(Slug.derive("CS & Philosophy")).isEqualTo("cs-philosophy");
        assertThat(Slug.derive("ML & AI")).isEqualTo("ml-ai");
        assertThat(Slug.derive("  Crème brûlée -- à la carte!  ")).isEqualTo("creme-brulee-a-la-carte");
        assertThat(Slug.derive("Don't Panic")).isEqualTo("dont-panic");
        assertThat(Slug.derive("🙂🙂")).isEmpty();
        assertThat(Slug.derive("x".repeat(300))).hasSizeLessThanOrEqualTo(Slug.MAX_LENGTH - 4);
    }

    @Test
    void validatesTheContractsPattern() {
        assertThat(Slug.isValid("a-b-1")).isTrue();
        assertThat(Slug.isValid("a--b")).isFalse();
        assertThat(Slug.isValid("-a")).isFalse();
        assertThat(Slug.isValid("A")).isFalse();
        assertThat(Slug.isValid("a".repeat(201))).isFalse();
        assertThat(Slug.isValid("../etc")).isFalse();
        assertThat(Slug.candidate("post", 1)).isEqualTo("post");
        assertThat(Slug.candidate("post", 3)).isEqualTo("post-3");
    }
}
