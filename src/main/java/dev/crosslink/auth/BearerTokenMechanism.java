package dev.crosslink.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads {@code Authorization: Bearer <token>}; no header means an anonymous caller. A client that
 * keeps sending bad tokens is refused before its token is even looked up ({@link FailedAuthentications}).
 */
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    private static final String PREFIX = "bearer ";
    /** Our secrets are 46 characters; anything far longer is not worth hashing. */
    private static final int MAX_TOKEN = 512;

    private final FailedAuthentications failures;

    public BearerTokenMechanism(FailedAuthentications failures) {
        this.failures = failures;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        String client = client(context);
        OptionalLong blocked = failures.blockedFor(client);
        if (blocked.isPresent()) {
            return Uni.createFrom().failure(new TooManyFailedAuthentications(blocked.getAsLong()));
        }
        if (header.length() <= PREFIX.length() || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                || header.length() > PREFIX.length() + MAX_TOKEN) {
            failures.failed(client);
            return Uni.createFrom().failure(new AuthenticationFailedException("Not a bearer token"));
        }
        String secret = header.substring(PREFIX.length()).strip();
        return identityProviderManager.authenticate(new TokenAuthenticationRequest(new TokenCredential(secret, "bearer")))
                .onFailure(AuthenticationFailedException.class).invoke(() -> failures.failed(client));
    }

    /** The client's address; behind a proxy, the forwarded one when Quarkus is told to trust it. */
    private static String client(RoutingContext context) {
        var address = context.request().remoteAddress();
        return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"crosslink\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }
}
