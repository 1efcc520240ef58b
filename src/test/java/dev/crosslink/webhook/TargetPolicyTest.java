package dev.crosslink.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CONTRACT section 11: where a webhook may point, checked on the addresses a name resolves to. */
class TargetPolicyTest {

    private final TargetPolicy strict = new TargetPolicy(false);

    @Test
    void internalAddressesAreRefusedUnlessAllowed() throws Exception {
        for (String url : new String[]{"http://127.0.0.1/hook", "http://localhost:8080/", "http://[::1]/", "http://10.1.2.3/",
                "http://172.16.0.1/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/",
                "http://100.64.0.1/", "http://[fd00::1]/", "http://[fe80::1]/", "http://224.0.0.1/", "http://[::ffff:127.0.0.1]/"}) {
            assertThatThrownBy(() -> strict.resolve(url)).as(url).isInstanceOf(TargetPolicy.RefusedTarget.class)
                    .hasMessageContaining("internal address");
        }
        assertThat(new TargetPolicy(true).resolve("http://127.0.0.1:9/hook").address().isLoopbackAddress()).isTrue();
    }

    @Test
    void onlyHttpUrlsWithAHostAndNoCredentials() {
        for (String url : new String[]{"ftp://example.org/", "file:///etc/passwd", "javascript:alert(1)", "gopher://x/",
                "http:///nohost", "https://user:secret@93.184.215.14/", "not a url"}) {
            assertThatThrownBy(() -> new TargetPolicy(true).resolve(url)).as(url).isInstanceOf(TargetPolicy.RefusedTarget.class);
        }
    }

    @Test
    void aPublicAddressIsReachedAtTheAddressThatWasChecked() throws Exception {
        TargetPolicy.Target target = strict.resolve("https://93.184.215.14/hooks");
        assertThat(target.address().getHostAddress()).isEqualTo("93.184.215.14");
        assertThat(target.port()).isEqualTo(443);
        assertThat(strict.resolve("http://93.184.215.14:8443/").port()).isEqualTo(8443);
    }
}
