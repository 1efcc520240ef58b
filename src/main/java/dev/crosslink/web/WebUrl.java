package dev.crosslink.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What counts as a web URL (CONTRACT section 5): absolute http or https with a host. Only such a URL
 * may be published as a permalink, and no other kind of URL (javascript:, data:, file:...) taken
 * from outside is ever stored or republished as one.
 */
public final class WebUrl {

    private WebUrl() {
    }

    public static boolean isValid(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme();
            return scheme != null && uri.getHost() != null
                    && (scheme.toLowerCase(Locale.ROOT).equals("http") || scheme.toLowerCase(Locale.ROOT).equals("https"));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Whether an id from outside (a feed's guid) may be kept: a web URL, a URN of the kinds feeds use
     * as ids ({@code urn:uuid:...}, {@code tag:example.com,2024:1}), or a plain identifier with no
     * colon at all ({@code post-7}). Anything else with a colon may be a URL a reader would act on
     * ({@code javascript:alert(1)}, {@code data:...}, {@code java\tscript:...}) and is refused.
     */
    public static boolean isSafeId(String value) {
        if (value == null || isValid(value)) {
            return value != null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.indexOf(':') < 0 || v.startsWith("urn:") || v.startsWith("tag:");
    }
}
