package org.corridor.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
