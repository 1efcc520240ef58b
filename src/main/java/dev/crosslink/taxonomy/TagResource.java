package dev.crosslink.taxonomy;

import dev.crosslink.auth.Caller;
import dev.crosslink.web.Representations;
import dev.crosslink.web.SiteUrls;
import jakarta.ws.rs.Path;

@Path(TagResource.PATH)
@org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "Tags", description = "Deleting a tag unlinks it from its posts")
public class TagResource extends TermResource<Tag> {

    static final String PATH = "/api/tags";

    public TagResource(TagService tags, Representations representations, SiteUrls urls, Caller caller) {
        super(tags, representations, urls, caller, PATH, "tag");
    }
}
