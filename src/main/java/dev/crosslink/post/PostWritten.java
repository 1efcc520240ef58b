package dev.crosslink.post;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Fired inside the transaction of every successful post write, once the post is stored: the
 * revision room records it (CONTRACT section 10) without the post room knowing it exists. A
 * write that changes nothing (an unchanged re-import, a re-render with the same output) fires
 * nothing.
 *
 * @param content the post's editable content as a PUT would send it (tags by slug), its status as it reads then
 */
public record PostWritten(UUID postId, Instant at, String actor, Via via, PostInput content) {

    /** The path a write came through. */
    public enum Via {
        API, IMPORT, RESTORE, RERENDER;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
