package dev.crosslink.auth;

/** A client blocked for sending bad tokens; answered 429 with {@code Retry-After} (CONTRACT section 4). */
public class TooManyFailedAuthentications extends RuntimeException {

    private final long retryAfterSeconds;

    public TooManyFailedAuthentications(long retryAfterSeconds) {
        super("Too many bad tokens from this client; try again in " + retryAfterSeconds + " s", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
