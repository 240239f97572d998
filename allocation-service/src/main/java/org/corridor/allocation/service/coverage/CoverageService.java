package org.corridor.allocation.service.coverage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Coverage of needs and team needs by approved plans, derived from where each line of an APPROVING or APPROVED plan
 * stands (its {@code state}, moved by approval and then by its shipment). Deriving it in one grouped query keeps the
 * counters exact by construction: there is no second copy to drift. What a need's lines of plans in other statuses hold
 * (SOLVED, FAILED...) does not count; of a SUPERSEDED plan, only the lines its re-plan did not take over count (those
 * dispatched or later when the re-plan's approval started).
 */
@ApplicationScoped
public class CoverageService {

    /**
     * Plans whose lines commit units: approving, approved, and superseded ones (their lines dispatched or later are
     * facts; the lines an approved re-plan took over or removed are marked superseded and count no more).
     */
    private static final String COMMITTING = "('APPROVING', 'APPROVED', 'SUPERSEDED')";

    private final EntityManager em;

    public CoverageService(EntityManager em) {
        this.em = em;
    }

    /** Coverage of each need, by id; {@code requested} is given per need. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, NeedCoverage> needs(Map<UUID, Integer> requested) {
        Map<UUID, NeedCoverage> out = new HashMap<>();
        requested.forEach((id, q) -> out.put(id, NeedCoverage.none(q)));
        if (requested.isEmpty()) {
            return out;
        }
        for (Object[] row : rows("SELECT l.need_id, "
                + "SUM(CASE WHEN l.state = 'APPROVED' THEN l.quantity ELSE 0 END), "
                + "SUM(CASE WHEN l.state = 'DISPATCHED' THEN l.quantity ELSE 0 END), "
                + "SUM(CASE WHEN l.state = 'DELIVERED' THEN l.delivered ELSE 0 END), "
                + "SUM(CASE WHEN l.state = 'DELIVERED' THEN l.rejected ELSE 0 END), "
                + "SUM(CASE WHEN l.state = 'LOST' THEN l.quantity ELSE 0 END) "
                + "FROM plan_line l JOIN plan p ON p.id = l.plan_id "
                + "WHERE p.status IN " + COMMITTING + " AND NOT l.superseded AND l.need_id IN (?1) "
                + "GROUP BY l.need_id",
                requested.keySet())) {
            UUID id = (UUID) row[0];
            out.put(id, NeedCoverage.of(requested.get(id), n(row[1]), n(row[2]), n(row[3]), n(row[4]), n(row[5])));
        }
        return out;
    }

    /** Coverage of each team need, by id; {@code requested} is given per team need. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, TeamNeedCoverage> teamNeeds(Map<UUID, Integer> requested) {
        Map<UUID, TeamNeedCoverage> out = new HashMap<>();
        requested.forEach((id, q) -> out.put(id, TeamNeedCoverage.of(q, 0)));
        if (requested.isEmpty()) {
            return out;
        }
        for (Object[] row : rows("SELECT a.team_need_id, COUNT(*) FROM plan_team_assignment a "
                + "JOIN plan p ON p.id = a.plan_id WHERE p.status IN " + COMMITTING
                + " AND NOT a.superseded AND a.team_need_id IN (?1) GROUP BY a.team_need_id", requested.keySet())) {
            UUID id = (UUID) row[0];
            out.put(id, TeamNeedCoverage.of(requested.get(id), n(row[1])));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Collection<UUID> ids) {
        return em.createNativeQuery(sql).setParameter(1, ids).getResultList();
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
