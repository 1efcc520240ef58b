package dev.crosslink.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where a webhook may point (CONTRACT section 11): http(s) URLs only, and, unless
 * {@code cms.webhooks.allow-private} is set, never at loopback, link-local (cloud metadata),
 * private, carrier-grade NAT, unique-local or multicast addresses. The check runs when a webhook is
 * registered and again on every attempt, on the addresses the name resolves to then, and the attempt
 * connects to the address that was checked: a name that later resolves inside (DNS rebinding) is
 * refused before any connection is made.
 */
public final class TargetPolicy {

    /** A target that may not be reached; the message says why, for the registrant or the delivery log. */
    public static final class RefusedTarget extends Exception {
        RefusedTarget(String message) {
            super(message);
        }
    }

    /** A URL and the address it may be reached at. */
    public record Target(URI uri, InetAddress address, int port) {
    }

    private final boolean allowPrivate;

    public TargetPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** The URL's form alone: what registration can check without the network. */
    public static URI parse(String url) throws RefusedTarget {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (Exception e) {
            throw new RefusedTarget("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedTarget("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new RefusedTarget("has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedTarget("may not carry a user name or password");
        }
        return uri;
    }

    /** Resolves the URL's host now and returns the address to connect to, or refuses it. */
    public Target resolve(String url) throws RefusedTarget {
        URI uri = parse(url);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new RefusedTarget("names a host that does not resolve");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (isInternal(address)) {
                    // every address, not only the first: a client may be handed any of them
                    throw new RefusedTarget("resolves to " + address.getHostAddress()
                            + ", an internal address (cms.webhooks.allow-private is off)");
                }
            }
        }
        int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        return new Target(uri, addresses[0], port);
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                  // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT, 100.64/10
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || first >= 240;                           // reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local, fc00::/7
        }
        return false;
    }
}
