package org.corridor.allocation.service.exchange;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.corridor.allocation.domain.Incident;
import org.corridor.allocation.domain.Need;
import org.corridor.allocation.domain.Site;
import org.corridor.allocation.service.NeedFilter;
import org.corridor.allocation.service.NeedView;
import org.corridor.allocation.service.coverage.CoverageService;
import org.corridor.allocation.service.coverage.NeedCoverage;
import org.corridor.common.problem.ProblemException;
import org.hibernate.jpa.HibernateHints;

/**
 * Every need of an incident with its coverage and its site, for the CSV export: the needs come from a database cursor
 * and their coverage is read per batch of {@link #BATCH} (one grouped query each), so an export of any size holds one
 * batch in memory and costs a query per batch, never one per need.
 */
@ApplicationScoped
public class NeedExport {

    static final int BATCH = 500;

    private final EntityManager em;
    private final CoverageService coverage;

    public NeedExport(EntityManager em, CoverageService coverage) {
        this.em = em;
        this.coverage = coverage;
    }

    /** 404 when the incident is unknown; called before the answer starts, so that a 404 is still possible. */
    @Transactional
    public void requireIncident(UUID incidentId) {
        if (Incident.findById(incidentId) == null) {
            throw ProblemException.notFound("Incident", incidentId);
        }
    }

    /** Hands each need of the incident (of one site when {@code siteId} is given), in recording order, to the sink. */
    @Transactional
    public void forEachNeed(NeedFilter filter, Consumer<NeedRow> sink) {
        TypedQuery<Object[]> q = em.createQuery("select n, s from Need n, Site s where s.id = n.siteId and "
                + filter.where("n.") + " order by n.createdAt, n.id", Object[].class);
        filter.params().map().forEach(q::setParameter);
        q.setHint(HibernateHints.HINT_FETCH_SIZE, BATCH).setHint(HibernateHints.HINT_READ_ONLY, true);
        List<Object[]> batch = new ArrayList<>(BATCH);
        try (Stream<Object[]> rows = q.getResultStream()) {
            rows.forEach(r -> {
                batch.add(r);
                if (batch.size() == BATCH) {
                    emit(batch, sink);
                }
            });
        }
        emit(batch, sink);
    }

    private void emit(List<Object[]> batch, Consumer<NeedRow> sink) {
        if (batch.isEmpty()) {
            return;
        }
        Map<UUID, Integer> requested = new LinkedHashMap<>();
        batch.forEach(r -> requested.put(((Need) r[0]).id, ((Need) r[0]).quantity));
        Map<UUID, NeedCoverage> covered = coverage.needs(requested);
        for (Object[] r : batch) {
            Need n = (Need) r[0];
            Site s = (Site) r[1];
            NeedCoverage c = covered.getOrDefault(n.id, NeedCoverage.none(n.quantity));
            sink.accept(new NeedRow(new NeedView(n.id, n.incidentId, n.siteId, n.itemCode, n.quantity, n.priority,
                    n.deliverBy, c, n.createdAt), s.name, s.countryCode, s.latitude, s.longitude));
            em.detach(n);
        }
        batch.clear();
    }
}
