package dev.crosslink.taxonomy;

import dev.crosslink.auth.Caller;
import dev.crosslink.web.Representations;
import dev.crosslink.web.SiteUrls;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(CategoryResource.PATH)
@Tag(name = "Categories", description = "A post has at most one category; deleting one still in use is 409")
public class CategoryResource extends TermResource<Category> {

    static final String PATH = "/api/categories";

    public CategoryResource(CategoryService categories, Representations representations, SiteUrls urls, Caller caller) {
        super(categories, representations, urls, caller, PATH, "category");
    }
}
