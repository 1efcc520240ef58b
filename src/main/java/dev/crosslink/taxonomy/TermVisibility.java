package dev.crosslink.taxonomy;

import java.time.Instant;
import java.util.List;

/**
 * Which terms anonymous callers may see (CONTRACT section 7): those made through their own
 * endpoints ({@link Term#isListed()}), and those a public post uses. "Public post" is the post
 * room's rule, so taxonomy declares what it needs here and the post room answers it.
 */
public interface TermVisibility {

    /** One page, by name then slug, of the visible terms of a kind. */
    <T extends Term> List<T> visibleTerms(Class<T> type, int page, int size, Instant now);

    long countVisibleTerms(Class<? extends Term> type, Instant now);

    <T extends Term> boolean isVisible(Class<T> type, T term, Instant now);
}
