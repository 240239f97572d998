package org.corridor.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

/**
 * A database that is briefly unavailable, and a transaction that lost a conflict, are 503 problems with
 * {@code Retry-After}, however the frameworks wrapped them; other database errors are not. The exceptions are built as
 * PostgreSQL's driver, Agroal, Hibernate and Narayana raise them.
 */
class TransientFailureTest {

    private final ProblemMappers mappers = new ProblemMappers();

    private static SQLException postgres(String state) {
        return new SQLException("ERROR: terminating connection due to administrator command", state);
    }

    private static void assertUnavailable(Response r, int retryAfter, String slug) {
        assertEquals(503, r.getStatus());
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
        assertEquals(String.valueOf(retryAfter), String.valueOf(r.getHeaderString("Retry-After")));
        Problem p = (Problem) r.getEntity();
        assertEquals(503, p.status());
        assertEquals(Problem.TYPE_BASE + slug, p.type());
        assertTrue(p.detail().contains("retry in " + retryAfter), p.detail());
        assertTrue(!p.detail().contains("SQL") && !p.detail().contains("Exception"), p.detail());
    }

    @Test
    void connectionFailuresAreTheDatabaseBeingUnavailable() {
        for (String state : new String[]{"08000", "08001", "08003", "08006", "57P01", "57P02", "57P03", "53300"}) {
            Exception e = new PersistenceException("could not execute statement",
                    new JDBCConnectionException("could not execute statement", postgres(state)));
            assertUnavailable(mappers.unexpected(e, null), TransientFailure.DATABASE_RETRY_AFTER,
                    "database-unavailable");
        }
        assertUnavailable(mappers.unexpected(new JDBCConnectionException("lost", new SQLException("gone")), null),
                TransientFailure.DATABASE_RETRY_AFTER, "database-unavailable");
        assertUnavailable(mappers.unexpected(new SQLTransientConnectionException("refused"), null),
                TransientFailure.DATABASE_RETRY_AFTER, "database-unavailable");
    }

    @Test
    void anEmptyConnectionPoolIsTheDatabaseBeingUnavailable() {
        Exception agroal = new SQLException("Sorry, acquisition timeout!");
        Exception e = new PersistenceException("Unable to acquire JDBC Connection",
                new GenericJDBCException("Unable to acquire JDBC Connection", (SQLException) agroal));
        assertUnavailable(mappers.unexpected(e, null), TransientFailure.DATABASE_RETRY_AFTER, "database-unavailable");
    }

    @Test
    void aLostSerializationConflictOrDeadlockIsRetried() {
        for (String state : new String[]{"40001", "40P01"}) {
            SQLException sql = new SQLException("ERROR: could not serialize access", state);
            // as Hibernate raises it from a query
            assertUnavailable(mappers.concurrent(new PessimisticLockException("lock",
                    new LockAcquisitionException("lock", sql)), null), TransientFailure.CONFLICT_RETRY_AFTER,
                    "transaction-conflict");
            // as the commit fails in Narayana, the cause chained behind a rollback and a batch
            BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", new int[0]);
            batch.setNextException(sql);
            RollbackException rollback = new RollbackException("commit failed");
            rollback.initCause(batch);
            assertUnavailable(mappers.unexpected(new RuntimeException("commit", rollback), null),
                    TransientFailure.CONFLICT_RETRY_AFTER, "transaction-conflict");
        }
    }

    /** As PostgreSQL's driver raises a server's error: severity, SQLState and message fields of the wire format. */
    private static PSQLException server(String severity, String state, String message) {
        return new PSQLException(new ServerErrorMessage("S" + severity + "\0C" + state + "\0M" + message + "\0"));
    }

    /**
     * A commit meeting the server's shutdown, as a receipt's commit met it: Hibernate's flush in the transaction's
     * before-completion fails, Narayana rolls back and attaches that failure to its RollbackException as a SUPPRESSED
     * exception (no cause), and ArC wraps the checked RollbackException thrown by the interceptor.
     */
    @Test
    void aCommitMeetingTheShutdownIsTheDatabaseBeingUnavailable() {
        for (String state : new String[]{"57P01", "57P02", "57P03", "57P05", "08006", "08003", "08001", "08P01"}) {
            PSQLException psql = server("FATAL", state, "terminating connection due to administrator command");
            RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
            rollback.addSuppressed(new PersistenceException("Converting `org.hibernate.exception."
                    + "JDBCConnectionException` to JPA `PersistenceException` : could not execute statement",
                    new GenericJDBCException("could not execute statement", psql)));
            Exception e = new ArcUndeclaredThrowableException("Error invoking subclass method", rollback);
            assertUnavailable(mappers.unexpected(e, null), TransientFailure.DATABASE_RETRY_AFTER,
                    "database-unavailable");
        }
        // the driver's own I/O failure on a socket the server closed
        RollbackException rollback = new RollbackException("commit failed");
        rollback.addSuppressed(new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE, new java.io.EOFException()));
        assertUnavailable(mappers.unexpected(new ArcUndeclaredThrowableException(rollback), null),
                TransientFailure.DATABASE_RETRY_AFTER, "database-unavailable");
    }

    /**
     * Suppressed exceptions are followed at any depth: of a cause, of a suppressed one, of a batch's next exception.
     */
    @Test
    void suppressedExceptionsAreFollowedAtAnyDepth() {
        // a suppressed exception of a cause
        RuntimeException inner = new RuntimeException("flush failed");
        inner.addSuppressed(new IllegalStateException("unrelated cleanup failure"));
        inner.addSuppressed(new RuntimeException("wrapped", server("FATAL", "57P01", "shutdown")));
        assertEquals(Optional.of(new TransientFailure(TransientFailure.Kind.DATABASE_UNAVAILABLE,
                TransientFailure.DATABASE_RETRY_AFTER)),
                TransientFailure.of(new RuntimeException("outer", new RuntimeException("middle", inner))));
        // a suppressed exception of a suppressed exception
        RuntimeException deep = new RuntimeException("rollback");
        RuntimeException level1 = new RuntimeException("level 1");
        level1.addSuppressed(new JDBCConnectionException("lost", new SQLException("gone")));
        deep.addSuppressed(level1);
        assertEquals(TransientFailure.Kind.DATABASE_UNAVAILABLE, TransientFailure.of(deep).orElseThrow().kind());
        // the next exception of a batch among the suppressed: a lost conflict
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", new int[0]);
        batch.setNextException(server("ERROR", "40001", "could not serialize access"));
        RollbackException rollback = new RollbackException("commit failed");
        rollback.addSuppressed(batch);
        assertUnavailable(mappers.unexpected(new ArcUndeclaredThrowableException(rollback), null),
                TransientFailure.CONFLICT_RETRY_AFTER, "transaction-conflict");
    }

    /** A chain with a loop through a suppressed exception ends, and answers what it finds or nothing. */
    @Test
    void loopsThroughSuppressedExceptionsEnd() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.addSuppressed(b);
        a.addSuppressed(a.getSuppressed()[0]);
        assertEquals(Optional.empty(), TransientFailure.of(b));
        assertEquals(500, mappers.unexpected(b, null).getStatus());
        RuntimeException c = new RuntimeException("c", b);
        b.addSuppressed(c);
        b.addSuppressed(server("FATAL", "57P03", "the database system is starting up"));
        assertEquals(TransientFailure.Kind.DATABASE_UNAVAILABLE, TransientFailure.of(c).orElseThrow().kind());
    }

    /** Class 57 is transient only where the server comes back by itself; a failed commit of any other kind is not. */
    @Test
    void otherOperatorInterventionsAndFailedCommitsAreNotTransient() {
        for (String state : new String[]{"57014", "57P04", "57000"}) {
            RollbackException rollback = new RollbackException("commit failed");
            rollback.addSuppressed(server("ERROR", state, "canceling statement due to statement timeout"));
            assertEquals(Optional.empty(), TransientFailure.of(new ArcUndeclaredThrowableException(rollback)),
                    state);
        }
        RollbackException rollback = new RollbackException("commit failed");
        rollback.addSuppressed(server("ERROR", "23514", "new row violates check constraint"));
        assertEquals(500, mappers.unexpected(new ArcUndeclaredThrowableException(rollback), null).getStatus());
    }

    @Test
    void otherDatabaseErrorsAreNotTransient() {
        assertEquals(Optional.empty(), TransientFailure.of(new SQLException("syntax error", "42601")));
        assertEquals(Optional.empty(), TransientFailure.of(new SQLException("no state")));
        assertEquals(Optional.empty(), TransientFailure.of(new IllegalStateException("bug")));
        // a lock not available at once (NOWAIT) stays a 409 conflict, not a retry
        Response r = mappers.concurrent(new PessimisticLockException("lock",
                new LockAcquisitionException("lock", new SQLException("could not obtain lock", "55P03"))), null);
        assertEquals(409, r.getStatus());
        assertEquals(500, mappers.unexpected(new IllegalStateException("bug"), null).getStatus());
    }

    @Test
    void everyServiceUnavailableProblemSaysWhenToRetry() {
        Response r = mappers.problem(ProblemException.unavailable("Inventory service unavailable", "down"), null);
        assertEquals(503, r.getStatus());
        assertEquals(String.valueOf(ProblemMappers.RETRY_AFTER_SECONDS), r.getHeaderString("Retry-After"));
        assertEquals(null, mappers.problem(ProblemException.badRequest("no"), null).getHeaderString("Retry-After"));
    }
}
