package dev.crosslink.cache;

import io.vertx.core.MultiMap;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cache key of a request: its path and its query parameters sorted by name, each name's values
 * in the order given (for repeated filters such as {@code tag}). {@code ?b=1&a=2} and {@code ?a=2&b=1}
 * are one entry.
 */
final class CacheKey {

    private CacheKey() {
    }

    static String of(String path, MultiMap query) {
        if (query.isEmpty()) {
            return path;
        }
        Map<String, List<String>> sorted = new TreeMap<>();
        for (String name : query.names()) {
            sorted.put(name, new ArrayList<>(query.getAll(name)));
        }
        StringBuilder key = new StringBuilder(path).append('?');
        sorted.forEach((name, values) -> values.forEach(v -> key.append(encode(name)).append('=').append(encode(v)).append('&')));
        return key.toString();
    }

    /** Decoded names and values are encoded again, so that no value can pose as a separator. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
