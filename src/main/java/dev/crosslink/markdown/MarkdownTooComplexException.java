package dev.crosslink.markdown;

/**
 * Markdown the renderer will not finish within its time budget, or nested deeper than the stack
 * can follow (CONTRACT section 3): the write is refused, naming {@code markdown}, and nothing is
 * stored. Pathological inputs ({@code "[a]" × 66,000}, {@code ">" × 100,000}) end here instead
 * of holding a core for minutes or overflowing the stack.
 */
public class MarkdownTooComplexException extends RuntimeException {

    public MarkdownTooComplexException(String message) {
        super(message, null, false, false);
    }
}
