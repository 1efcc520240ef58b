package dev.crosslink.auth;

import dev.crosslink.web.CmsConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Makes sure an admin token exists once the schema is migrated. */
@ApplicationScoped
public class AdminTokenBootstrap {

    private final TokenService tokens;
    private final CmsConfig config;

    public AdminTokenBootstrap(TokenService tokens, CmsConfig config) {
        this.tokens = tokens;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        tokens.bootstrap(config.auth().adminToken());
    }
}
