package dev.crosslink.post;

import dev.crosslink.web.PageParams;
import dev.crosslink.web.ProblemException;
import dev.crosslink.web.Slug;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.ArrayList;
import java.util.List;

/** The filters, sort and includes of {@code GET /api/posts}, checked before any query runs. */
public class PostListParams extends PageParams {

    @QueryParam("category")
    @Parameter(description = "Only posts in this category (slug)", example = "distributed-systems")
    protected String category;

    @QueryParam("tag")
    @Parameter(description = "Only posts with this tag (slug); repeat it and all must match")
    protected List<String> tag;

    @QueryParam("status")
    @Parameter(description = "draft, scheduled or published (editors only)", example = "published",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"draft", "scheduled", "published"}))
    protected String status;

    @QueryParam("q")
    @Parameter(description = "Words in the title, excerpt or body, all of which must be there; case and accents "
            + "do not matter, and there is no stemming (docs/api.md)", example = "deadline",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    protected String q;

    @QueryParam("sort")
    @Parameter(description = "publishedAt, updatedAt or title, with an optional leading '-' for descending; "
            + "with q also relevance (best match first)",
            example = "-publishedAt", schema = @Schema(type = SchemaType.STRING, defaultValue = "-publishedAt",
            enumeration = {"publishedAt", "-publishedAt", "updatedAt", "-updatedAt", "title", "-title", "relevance"}))
    protected String sort;

    @QueryParam("include")
    @Parameter(description = "html and/or markdown, repeated (include=html&include=markdown) or comma-separated",
            schema = @Schema(type = SchemaType.ARRAY, implementation = Include.class))
    protected List<String> include;

    /** What {@code ?include=} may name; its wire values are the constants' names. */
    @Schema(name = "Include", enumeration = {"html", "markdown"})
    public enum Include { html, markdown }

    /** A sort the repository can trust: a known property and a direction. */
    public record SortOrder(String property, boolean descending) {
    }

    public String category() {
        if (category == null || category.isBlank()) {
            return null;
        }
        if (!Slug.isValid(category)) {
            throw ProblemException.field("category", "must be a category slug");
        }
        return category;
    }

    public List<String> tags() {
        if (tag == null) {
            return List.of();
        }
        if (tag.size() > 10) {
            throw ProblemException.field("tag", "at most 10 tags");
        }
        for (String t : tag) {
            if (!Slug.isValid(t)) {
                throw ProblemException.field("tag", "must be a tag slug");
            }
        }
        return List.copyOf(tag);
    }

    public PostStatus status() {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return PostStatus.fromWire(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.field("status", "must be one of draft, scheduled, published");
        }
    }

    public String q() {
        if (q == null || q.isBlank()) {
            return null;
        }
        if (q.length() > 200) {
            throw ProblemException.field("q", "at most 200 characters");
        }
        return q.strip(); // case, accents and word boundaries are SearchWords' rules
    }

    public SortOrder sort() {
        String value = sort == null || sort.isBlank() ? "-publishedAt" : sort.strip();
        if (value.equals("relevance")) {
            if (q() == null) {
                throw ProblemException.field("sort", "relevance needs q");
            }
            return new SortOrder("relevance", true);
        }
        boolean descending = value.startsWith("-");
        String property = descending ? value.substring(1) : value;
        if (!List.of("publishedAt", "updatedAt", "title").contains(property)) {
            throw ProblemException.field("sort", "must be publishedAt, updatedAt or title, optionally with a leading '-', "
                    + "or relevance with q");
        }
        return new SortOrder(property, descending);
    }

    public boolean includes(String what) {
        return includes().contains(what);
    }

    private List<String> includes() {
        List<String> all = new ArrayList<>();
        if (include != null) {
            for (String value : include) {
                for (String part : value.split(",")) {
                    String p = part.strip();
                    if (!p.isEmpty()) {
                        if (!p.equals("html") && !p.equals("markdown")) {
                            throw ProblemException.field("include", "must be html and/or markdown");
                        }
                        all.add(p);
                    }
                }
            }
        }
        return all;
    }
}
