package dev.crosslink.post;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.UUID;

/**
 * A post's Markdown and stored HTML, in a table of their own (V8): lists, counts, the graph and the
 * search ranking read post rows by the thousand, and a row that carried the body (3-10 KB in a
 * typical post, up to 5 MiB) made every such scan read every body. Only {@link Post} changes it.
 */
@Entity
@Table(name = "post_body")
class PostBody {

    @Id
    private UUID id;

    @MapsId
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "post_id")
    private Post post;

    // Varchars on both databases (V5): past 1 MiB, Hibernate would otherwise expect a clob.
    @Column(nullable = false, length = PostInput.MAX_MARKDOWN)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private String markdown;

    @Column(nullable = false, length = Post.MAX_HTML)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private String html;

    protected PostBody() {
    }

    PostBody(Post post) {
        this.post = post;
    }

    String markdown() {
        return markdown;
    }

    String html() {
        return html;
    }

    void markdown(String markdown) {
        this.markdown = markdown;
    }

    void html(String html) {
        this.html = html;
    }
}
