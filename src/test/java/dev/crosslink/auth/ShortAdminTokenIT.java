package dev.crosslink.auth;

import dev.crosslink.ItDatabase;
import dev.crosslink.ServerProcess;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A configured admin token shorter than 32 characters could be guessed; the packaged server
 * refuses to start with it and says why (CONTRACT section 8), rather than run with a weak admin.
 */
class ShortAdminTokenIT {

    @Test
    void aShortConfiguredAdminTokenStopsTheStartWithTheReason() throws Exception {
        ItDatabase db = ItDatabase.fresh("short-token");
        Map<String, String> env = new HashMap<>(db.env());
        env.put("CMS_AUTH_ADMIN_TOKEN", "too-short-0123456789-abcdefghij"); // 31 characters
        try (ServerProcess server = new ServerProcess("short-token", db.workDir(), env).start()) {
            assertThat(server.awaitExit(Duration.ofSeconds(60))).isNotZero();
            assertThat(server.log()).contains("at least 32").contains("CMS_AUTH_ADMIN_TOKEN")
                    .doesNotContain("too-short-0123456789-abcdefghij");
        }
    }
}
