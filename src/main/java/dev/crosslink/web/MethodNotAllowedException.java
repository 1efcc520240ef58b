package dev.crosslink.web;

import java.util.Set;

/** A method the path does not have; answered 405 with the path's {@code Allow} header. */
public class MethodNotAllowedException extends RuntimeException {

    private final Set<String> allowed;

    public MethodNotAllowedException(Set<String> allowed) {
        super("This method is not allowed on this path; it allows " + String.join(", ", allowed), null, false, false);
        this.allowed = Set.copyOf(allowed);
    }

    public String allow() {
        return String.join(", ", new java.util.TreeSet<>(allowed));
    }
}
