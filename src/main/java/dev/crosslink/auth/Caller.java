package dev.crosslink.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/** Who is calling, as resources need it: may they see unpublished content, and what is their name. */
@ApplicationScoped
public class Caller {

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Editors (and admins) see drafts and scheduled posts; anonymous callers do not. */
    public boolean isEditor() {
        return identity.hasRole(Role.EDITOR_NAME);
    }

    /** The token's name, recorded on the posts it writes. */
    public String name() {
        return identity.getPrincipal().getName();
    }
}
