package org.corridor.common.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;

/**
 * A failure that passes by itself, so that the client should retry rather than report a bug: the database cannot be
 * reached, is restarting, or has no connection free ({@link Kind#DATABASE_UNAVAILABLE}), or the transaction lost a
 * serialization conflict or a deadlock against a concurrent one and was rolled back
 * ({@link Kind#TRANSACTION_CONFLICT}). Both are answered 503 with {@code Retry-After}; a retry with the same
 * {@code Idempotency-Key} is safe.
 * <p>
 * Recognised anywhere in the cause chain or among the suppressed exceptions (frameworks wrap them several times, and a
 * failed commit hides them behind a rollback): Hibernate's {@link JDBCConnectionException}; JDBC's connection
 * exceptions; an {@link SQLException} whose SQLState is of class 08 (connection exception), 57P01/57P02/57P03/57P05
 * (admin or crash shutdown, cannot connect now, idle session closed), 53300 (too many connections), 40001
 * (serialization failure) or 40P01 (deadlock); and Agroal's pool acquisition timeout (an {@link SQLException} without
 * SQLState saying "acquisition timeout").
 */
public record TransientFailure(Kind kind, int retryAfterSeconds) {

    /** Seconds a client should wait when the database is unavailable: a PostgreSQL restart takes a few seconds. */
    public static final int DATABASE_RETRY_AFTER = 5;
    /** Seconds a client should wait after a serialization conflict or deadlock: the other transaction is done. */
    public static final int CONFLICT_RETRY_AFTER = 1;

    /**
     * Operator intervention (class 57): 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting
     * up or shutting down), 57P05 idle session timeout (the connection was closed). Not 57014 (a statement cancelled or
     * timed out: the same request would time out again) nor 57P04 (the database was dropped: it does not come back by
     * itself). 53300: too many connections.
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "57P05", "53300");
    private static final Set<String> CONFLICT_STATES = Set.of("40001", "40P01");
    private static final int MAX_SEEN = 64;

    /** What kind of passing failure. */
    public enum Kind {
        DATABASE_UNAVAILABLE, TRANSACTION_CONFLICT
    }

    /**
     * The passing failure behind {@code e}, or empty when {@code e} is not one. Looks at {@code e}, its causes, the
     * exceptions suppressed by any of them (Narayana attaches the failure of a commit's flush to its
     * {@code RollbackException} as a suppressed exception, not as its cause) and the next exceptions of an
     * {@link SQLException} (a batch's), depth first, each exception once, at most {@value #MAX_SEEN} of them.
     */
    public static Optional<TransientFailure> of(Throwable e) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Deque<Throwable> todo = new ArrayDeque<>();
        if (e != null) {
            todo.push(e);
        }
        while (!todo.isEmpty() && seen.size() < MAX_SEEN) {
            Throwable t = todo.pop();
            if (seen.put(t, Boolean.TRUE) != null) {
                continue;
            }
            Optional<TransientFailure> found = classify(t);
            if (found.isPresent()) {
                return found;
            }
            // pushed in reverse so that the cause is looked at first, then the next exceptions, then the suppressed
            Throwable[] suppressed = t.getSuppressed();
            for (int i = suppressed.length - 1; i >= 0; i--) {
                pushUnseen(todo, seen, suppressed[i]);
            }
            if (t instanceof SQLException sql) {
                pushUnseen(todo, seen, sql.getNextException());
            }
            pushUnseen(todo, seen, t.getCause());
        }
        return Optional.empty();
    }

    private static void pushUnseen(Deque<Throwable> todo, Map<Throwable, Boolean> seen, Throwable t) {
        if (t != null && !seen.containsKey(t)) {
            todo.push(t);
        }
    }

    private static Optional<TransientFailure> classify(Throwable t) {
        if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException) {
            return Optional.of(unavailable());
        }
        if (!(t instanceof SQLException sql)) {
            return Optional.empty();
        }
        String state = sql.getSQLState();
        if (state == null) {
            String message = sql.getMessage();
            return message != null && message.toLowerCase().contains("acquisition timeout")
                    ? Optional.of(unavailable())
                    : Optional.empty();
        }
        if (state.startsWith("08") || UNAVAILABLE_STATES.contains(state)) {
            return Optional.of(unavailable());
        }
        if (CONFLICT_STATES.contains(state)) {
            return Optional.of(new TransientFailure(Kind.TRANSACTION_CONFLICT, CONFLICT_RETRY_AFTER));
        }
        return Optional.empty();
    }

    private static TransientFailure unavailable() {
        return new TransientFailure(Kind.DATABASE_UNAVAILABLE, DATABASE_RETRY_AFTER);
    }

    /** The problem to answer: 503, with a detail telling the client to retry. */
    public Problem toProblem() {
        return switch (kind) {
            case DATABASE_UNAVAILABLE -> new Problem(Problem.TYPE_BASE + "database-unavailable",
                    "Database unavailable", 503,
                    "The service's database is unavailable for a moment (restarting, unreachable or busy); retry in "
                            + retryAfterSeconds + " seconds, with the same Idempotency-Key if the request had one");
            case TRANSACTION_CONFLICT -> new Problem(Problem.TYPE_BASE + "transaction-conflict",
                    "Concurrent transaction", 503,
                    "The request collided with a concurrent one and was rolled back; retry in " + retryAfterSeconds
                            + " second" + (retryAfterSeconds == 1 ? "" : "s")
                            + ", with the same Idempotency-Key if the request had one");
        };
    }
}
