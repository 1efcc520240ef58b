package dev.crosslink.post;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a post came from: the API, or an item of an imported feed. */
@Embeddable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "PostSource", description = "{\"kind\": \"api\"} or {\"kind\": \"import\", \"feed\": ..., \"guid\": ...}", requiredProperties = "kind")
public record PostSource(
        @Column(name = "source_kind", nullable = false, length = 16) @Schema(examples = "api") String kind,
        @Column(name = "source_feed", length = 2000) String feed,
        @Column(name = "source_guid", length = 2000) String guid) {

    public static final PostSource API = new PostSource("api", null, null);

    public static PostSource imported(String feed, String guid) {
        return new PostSource("import", feed, guid);
    }
}
