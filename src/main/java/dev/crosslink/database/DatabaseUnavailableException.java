package dev.crosslink.database;

/** The database cannot be reached just now; the request changed nothing and may be sent again. */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(Throwable cause) {
        super("The database cannot be reached", cause);
    }
}
