package dev.crosslink.web;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The slug rules of CONTRACT section 2, shared by posts, categories and tags. */
public final class Slug {

    public static final String REGEX = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final int MAX_LENGTH = 200;
    private static final Pattern VALID = Pattern.compile(REGEX);
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    private Slug() {
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
    }

    /** A path segment that is not a slug names nothing: 404 before any query. */
    public static String fromPath(String slug, String kind) {
        if (!isValid(slug)) {
            throw ProblemException.notFound(kind, slug.length() > 80 ? slug.substring(0, 80) + "…" : slug);
        }
        return slug;
    }

    /**
     * Lowercase ASCII with accents folded; {@code &} and other punctuation dropped; runs of
     * separators become one dash: "CS &amp; Philosophy" becomes {@code cs-philosophy}.
     * Returns an empty string when nothing usable is left (a title of only emoji, say).
     */
    public static String derive(String text) {
        if (text == null) {
            return "";
        }
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("")
                .replace("ß", "ss").replace("æ", "ae").replace("Æ", "ae").replace("ø", "o").replace("Ø", "o")
                .replace("'", "").replace("’", "")
                .toLowerCase(Locale.ROOT);
        String slug = SEPARATORS.matcher(folded).replaceAll("-");
        slug = trimDashes(slug);
        if (slug.length() > MAX_LENGTH - 4) { // leave room for a "-NNN" suffix
            slug = trimDashes(slug.substring(0, MAX_LENGTH - 4));
        }
        return slug;
    }

    /** The n-th candidate for a derived slug that is taken: base, base-2, base-3... */
    public static String candidate(String base, int n) {
        return n <= 1 ? base : base + "-" + n;
    }

    private static String trimDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
