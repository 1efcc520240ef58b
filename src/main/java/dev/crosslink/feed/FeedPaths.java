package dev.crosslink.feed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The paths of the feeds a post is in: the site's three, and those of its category and of each of
 * its tags. The same paths {@link FeedResource} serves; WebSub pings the hub for each of them when the
 * post changes (CONTRACT section 5).
 */
public final class FeedPaths {

    private static final List<String> FORMATS = List.of("rss", "atom", "feed.json");

    private FeedPaths() {
    }

    public static List<String> of(Collection<String> categories, Collection<String> tags) {
        List<String> paths = new ArrayList<>();
        for (String format : FORMATS) {
            paths.add("/" + format);
            categories.forEach(slug -> paths.add("/" + format + "/categories/" + slug));
            tags.forEach(slug -> paths.add("/" + format + "/tags/" + slug));
        }
        return paths;
    }
}
