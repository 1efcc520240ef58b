package dev.crosslink.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The signature against the Standard Webhooks specification's own example (its libraries' shared test vector). */
class WebhookSignatureTest {

    @Test
    void signsTheSpecificationsExampleExactly() {
        assertThat(WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        // the key is the base64 after the prefix, with or without it
        assertThat(WebhookSignature.sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void anyChangeToIdTimestampOrBodyChangesTheSignature() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String signature = WebhookSignature.sign(secret, "msg_1", 1614265330L, "{}");
        assertThat(WebhookSignature.sign(secret, "msg_2", 1614265330L, "{}")).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(secret, "msg_1", 1614265331L, "{}")).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(secret, "msg_1", 1614265330L, "{ }")).isNotEqualTo(signature);
    }

    @Test
    void newSecretsAreWhsecAnd32RandomBytes() {
        String a = WebhookSignature.newSecret();
        assertThat(a).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(a.substring(6))).hasSize(32);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(a);
    }
}
