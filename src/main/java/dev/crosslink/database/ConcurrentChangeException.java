package dev.crosslink.database;

/** A write kept losing races to other writes of the same data, more often than is worth retrying. */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(Throwable cause) {
        super("Other requests kept changing the same data at the same moment", cause);
    }
}
