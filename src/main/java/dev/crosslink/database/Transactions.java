package dev.crosslink.database;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityNotFoundException;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a unit of work in a transaction of its own and runs it again, in a fresh transaction, when
 * it lost a race that a second try can win: a unique key another transaction took first (two
 * creates deriving the same slug, two posts naming the same new tag), a row version that moved
 * under it (two writes to one post), a deadlock or a lock wait that timed out.
 *
 * <p>A second try re-reads everything, so it decides on the state the winner left: the next free
 * slug, the tag the winner created, and an If-Match that no longer matches (412). Tries are bounded
 * and spaced with jitter so that racers spread out instead of colliding again.
 */
@ApplicationScoped
public class Transactions {

    static final int MAX_TRIES = 16;

    /** The work in a new transaction, retried on a lost race; or simply run inside the caller's transaction. */
    public <T> T write(Supplier<T> work) {
        if (QuarkusTransaction.isActive()) {
            return work.get(); // the owner of the outer transaction decides what a lost race means
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(work::get);
            } catch (RuntimeException e) {
                Failure failure = classify(e);
                if (failure == Failure.UNAVAILABLE) {
                    throw new DatabaseUnavailableException(e);
                }
                if (failure != Failure.LOST_RACE) {
                    throw unwrap(e);
                }
                if (attempt >= MAX_TRIES) {
                    throw new ConcurrentChangeException(e);
                }
                pause(attempt);
            }
        }
    }

    public void run(Runnable work) {
        write(() -> {
            work.run();
            return null;
        });
    }

    /** Whether a failure means the database could not be reached. */
    public static boolean unavailable(Throwable e) {
        return classify(e) == Failure.UNAVAILABLE;
    }

    /** Whether a failure means a race with another transaction was lost. */
    public static boolean lostRace(Throwable e) {
        return classify(e) == Failure.LOST_RACE;
    }

    enum Failure { LOST_RACE, UNAVAILABLE, OTHER }

    /** What went wrong, judged from the exception chain and the SQLState both databases report. */
    static Failure classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // EntityNotFoundException: a row loaded lazily was deleted by a commit after its owner was read
            if (t instanceof OptimisticLockException || t instanceof StaleStateException || t instanceof EntityNotFoundException) {
                return Failure.LOST_RACE;
            }
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException) {
                return Failure.UNAVAILABLE;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("23505")        // unique violation (both)
                        || state.equals("40001") // serialization failure, H2 deadlock
                        || state.equals("40P01") // PostgreSQL deadlock
                        || state.equals("55P03") // PostgreSQL lock not available
                        || state.equals("HYT00")) { // H2 lock timeout
                    return Failure.LOST_RACE;
                }
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P03")) {
                    return Failure.UNAVAILABLE; // connection failures, admin shutdown, cannot connect now
                }
            }
            if (t.getMessage() != null && t.getMessage().contains("Acquisition timeout")) {
                return Failure.UNAVAILABLE; // Agroal found no connection it could open
            }
        }
        return Failure.OTHER;
    }

    /** The transaction API wraps what the work threw; callers and mappers want the work's own exception. */
    private static RuntimeException unwrap(RuntimeException e) {
        if (e instanceof io.quarkus.narayana.jta.QuarkusTransactionException && e.getCause() instanceof RuntimeException inner) {
            return inner;
        }
        return e;
    }

    private static void pause(int attempt) {
        long ceiling = Math.min(200, 5L << Math.min(attempt, 5));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrentChangeException(e);
        }
    }
}
