package dev.crosslink.auth;

import dev.crosslink.database.Coordination;
import dev.crosslink.database.Transactions;
import dev.crosslink.web.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TokenService {

    private static final Logger LOG = Logger.getLogger(TokenService.class);
    static final String BOOTSTRAP_NAME = "bootstrap-admin";
    /** A configured admin token shorter than this is refused at start (CONTRACT section 8). */
    static final int MIN_CONFIGURED = 32;

    private final ApiTokenRepository tokens;
    private final Coordination coordination;
    private final Transactions transactions;

    public TokenService(ApiTokenRepository tokens, Coordination coordination, Transactions transactions) {
        this.tokens = tokens;
        this.coordination = coordination;
        this.transactions = transactions;
    }

    @Transactional
    public TokenView create(TokenInput input) {
        String secret = ApiToken.newSecret();
        ApiToken token = new ApiToken(input.name().strip(), input.role(), secret, now());
        tokens.persist(token);
        return TokenView.of(token, secret);
    }

    @Transactional
    public List<TokenView> list() {
        return tokens.findAll(Sort.by("createdAt")).stream().map(t -> TokenView.of(t, null)).toList();
    }

    /**
     * Revokes a token. The last-admin rule is checked under the tokens lock, so two admins revoking
     * each other's tokens at the same moment (on one node or two) cannot both succeed.
     */
    public void delete(UUID id) {
        transactions.run(() -> {
            coordination.lock(Coordination.TOKENS);
            ApiToken token = tokens.findByIdOptional(id)
                    .orElseThrow(() -> new ProblemException(404, "No token with id " + id));
            if (token.getRole() == Role.ADMIN && tokens.count("role", Role.ADMIN) == 1) {
                throw ProblemException.conflict("This is the last admin token; create another admin token first");
            }
            tokens.delete(token);
        });
    }

    @Transactional
    public Optional<ApiToken> authenticate(String secret) {
        return tokens.findBySecret(secret);
    }

    /**
     * The first admin: the configured token is made sure to exist; with none configured and no admin
     * at all, one is generated and printed once, the only time its secret is ever known.
     */
    public void bootstrap(Optional<String> configured) {
        if (configured.isPresent() && !configured.get().isBlank() && configured.get().strip().length() < MIN_CONFIGURED) {
            throw new IllegalStateException("cms.auth.admin-token (CMS_AUTH_ADMIN_TOKEN) is "
                    + configured.get().strip().length() + " characters long; an admin token must have at least "
                    + MIN_CONFIGURED + " so that it cannot be guessed. Choose a longer one, for example the output of "
                    + "'openssl rand -base64 33', or unset it and the server generates one.");
        }
        transactions.run(() -> bootstrapUnderLock(configured));
    }

    /** Under the tokens lock: two nodes starting at once on an empty database make one admin token, not two. */
    private void bootstrapUnderLock(Optional<String> configured) {
        coordination.lock(Coordination.TOKENS);
        if (configured.isPresent() && !configured.get().isBlank()) {
            String secret = configured.get().strip();
            if (tokens.findBySecret(secret).isEmpty()) {
                tokens.persist(new ApiToken(BOOTSTRAP_NAME, Role.ADMIN, secret, now()));
                LOG.info("Stored the admin token from cms.auth.admin-token");
            }
            return;
        }
        if (tokens.count("role", Role.ADMIN) == 0) {
            String secret = ApiToken.newSecret();
            tokens.persist(new ApiToken(BOOTSTRAP_NAME, Role.ADMIN, secret, now()));
            LOG.warnf("No admin token existed, so one was generated. It is shown only this once; keep it safe:%n%n"
                    + "    CMS admin token: %s%n", secret);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
