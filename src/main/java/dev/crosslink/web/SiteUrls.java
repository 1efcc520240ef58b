package dev.crosslink.web;

import jakarta.enterprise.context.ApplicationScoped;

/** Absolute public URLs of posts, categories and tags, built from {@code cms.site.*}. */
@ApplicationScoped
public class SiteUrls {

    private final String base;
    private final CmsConfig.Site site;

    public SiteUrls(CmsConfig config) {
        this.site = config.site();
        String url = site.url();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** cms.site.url without its trailing slash. */
    public String base() {
        return base;
    }

    /** An absolute URL of this API (for Location and Link headers), never built from the request's Host. */
    public java.net.URI api(String pathAndQuery) {
        return java.net.URI.create(base + pathAndQuery);
    }

    public String post(String slug) {
        return base + postPath(slug);
    }

    /** The site-relative path of a post: /blog/{slug} by default. */
    public String postPath(String slug) {
        return site.postPath().replace("{slug}", slug);
    }

    public String category(String slug) {
        return base + site.categoryPath().replace("{slug}", slug);
    }

    public String tag(String slug) {
        return base + site.tagPath().replace("{slug}", slug);
    }
}
