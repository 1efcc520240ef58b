package dev.crosslink.graph;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LinkExtractorTest {

    private final LinkExtractor extractor = new LinkExtractor("https://blog.example/", "/blog/{slug}", "/topics/{slug}",
            "/tags/{slug}");

    @Test
    void classifiesLinksByTheContractsRules() {
        List<ExtractedLink> links = extractor.extract("""
                <p><a href="/blog/one">relative</a> <a href="https://blog.example/blog/two/">absolute, trailing slash</a>
                <a href="HTTPS://BLOG.EXAMPLE/topics/ml-ai">category</a> <a href="/tags/raft#x">tag with fragment</a>
                <a href="/blog/a/b">too deep</a> <a href="/blog/Not_A_Slug">bad slug</a> <a href="/about">other page</a>
                <a href="https://elsewhere.example/blog/one">other host</a> <a href="mailto:a@b.example">mail</a>
                <a href="#top">fragment</a> <a href="//blog.example/blog/three">protocol-relative</a></p>""");
        assertThat(links).extracting(ExtractedLink::text).containsExactly("relative", "absolute, trailing slash", "category",
                "tag with fragment", "too deep", "bad slug", "other page", "other host", "mail", "protocol-relative");
        assertThat(links.get(0)).isEqualTo(new ExtractedLink("/blog/one", "relative", true, TargetType.POST, "one"));
        assertThat(links.get(1).targetSlug()).isEqualTo("two");
        assertThat(links.get(2).targetType()).isEqualTo(TargetType.CATEGORY);
        assertThat(links.get(3)).extracting(ExtractedLink::targetType, ExtractedLink::targetSlug).containsExactly(TargetType.TAG, "raft");
        assertThat(links.get(4)).extracting(ExtractedLink::internal, ExtractedLink::targetType).containsExactly(true, null);
        assertThat(links.get(5)).extracting(ExtractedLink::internal, ExtractedLink::targetType).containsExactly(true, null);
        assertThat(links.subList(6, 9)).allMatch(l -> !l.internal());
        assertThat(links.get(9).targetSlug()).isEqualTo("three");
    }

    @Test
    void customPathsAreHonoured() {
        LinkExtractor custom = new LinkExtractor("http://localhost:8080/", "/posts/{slug}.html", "/c/{slug}", "/t/{slug}");
        assertThat(custom.extract("<a href=\"/posts/hello.html\">x</a>").get(0).targetSlug()).isEqualTo("hello");
        assertThat(custom.extract("<a href=\"/blog/hello\">x</a>").get(0).internal()).isFalse();
    }
}
