package dev.crosslink.database;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * Values bound to a query's {@code in :values} in chunks: PostgreSQL's driver allows 32,767 bind
 * parameters and both databases plan a few hundred values well, so a lookup of any number of
 * ids or slugs runs as several bounded queries instead of one unbounded one.
 */
public final class InList {

    static final int CHUNK = 500;

    private InList() {
    }

    /** Calls {@code query} once per chunk of the distinct values, in their order. */
    public static <T> void chunks(Collection<T> values, Consumer<List<T>> query) {
        List<T> all = List.copyOf(new LinkedHashSet<>(values));
        for (int from = 0; from < all.size(); from += CHUNK) {
            query.accept(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
    }
}
