package dev.crosslink.markdown;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The Markdown source as flexmark reads it, with a deadline. flexmark cannot be interrupted, but
 * every parser and renderer step reads the source through {@link #charAt}; past the deadline that
 * read throws, which unwinds the render cooperatively on any JDK, without stopping a thread.
 * Checking the clock every 4,096 reads keeps the cost out of profiles.
 *
 * <p>The clock is the thread's CPU time where the JVM measures it: the bound is on how long one
 * request occupies a core (CONTRACT section 3), so a busy machine that leaves a render waiting for
 * a core does not refuse an ordinary post.
 */
final class RenderDeadline implements CharSequence {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

    /** Now, on the clock deadlines are set and checked with: this thread's CPU time, else wall time. */
    static long now() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Thrown out of flexmark when the budget is spent; turned into a {@link MarkdownTooComplexException}. */
    static final class Expired extends RuntimeException {
        Expired() {
            super("render deadline passed", null, false, false);
        }
    }

    private final String text;
    private final int offset;
    private final int length;
    private final long deadlineNanos;
    private int reads;

    RenderDeadline(String text, long deadlineNanos) {
        this(text, 0, text.length(), deadlineNanos);
    }

    private RenderDeadline(String text, int offset, int length, long deadlineNanos) {
        this.text = text;
        this.offset = offset;
        this.length = length;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if ((++reads & 0xFFF) == 0 && now() - deadlineNanos > 0) {
            throw new Expired();
        }
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return text.charAt(offset + index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        if (start < 0 || end > length || start > end) {
            throw new IndexOutOfBoundsException("[" + start + ", " + end + ")");
        }
        return new RenderDeadline(text, offset + start, end - start, deadlineNanos);
    }

    @Override
    public String toString() {
        return text.substring(offset, offset + length);
    }
}
