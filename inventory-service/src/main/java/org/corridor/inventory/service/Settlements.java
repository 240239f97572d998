package org.corridor.inventory.service;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.corridor.common.time.DbClock;
import org.corridor.inventory.domain.SettlementKind;

/**
 * The record of settlements made under a reference (table {@code reservation_settlement}): the lines asked, as sorted
 * "lotId:quantity" text to recognise a replay, and beside them, in the same order, what was really settled (a release
 * settles at most what is held), so that a replay answers the first outcome.
 */
final class Settlements {

    /** Settlement lines in lot-id order as text, the order PostgreSQL sorts uuids in. */
    static final Comparator<SettlementView.Line> BY_LOT = Comparator.comparing(l -> l.lotId().toString());

    private static final Comparator<ReservationService.Line> CANONICAL = Comparator
            .comparing(ReservationService.Line::lotId);

    private Settlements() {
    }

    /** A recorded settlement; {@code settled} is null for those recorded before outcomes were kept (all in full). */
    record Stored(String lines, String settled) {

        List<SettlementView.Line> outcome(SettlementKind kind) {
            List<SettlementView.Line> out = new ArrayList<>();
            if (lines.isEmpty()) {
                return out;
            }
            String[] asked = lines.split(",");
            String[] done = settled == null ? asked : settled.split(",");
            for (int i = 0; i < asked.length; i++) {
                String[] a = asked[i].split(":");
                long q = Long.parseLong(done[i].substring(done[i].indexOf(':') + 1));
                out.add(line(UUID.fromString(a[0]), Long.parseLong(a[1]), q, kind));
            }
            out.sort(BY_LOT);
            return out;
        }
    }

    static SettlementView.Line line(UUID lotId, long requested, long settled, SettlementKind kind) {
        return new SettlementView.Line(lotId, requested, kind == SettlementKind.CONSUME ? settled : 0,
                kind == SettlementKind.RELEASE ? settled : 0);
    }

    static Stored find(EntityManager em, UUID reservationId, SettlementKind kind, String reference) {
        List<?> rows = em.createNativeQuery("SELECT lines, settled FROM reservation_settlement "
                + "WHERE reservation_id = ?1 AND kind = ?2 AND reference = ?3")
                .setParameter(1, reservationId).setParameter(2, kind.name()).setParameter(3, reference)
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        return new Stored((String) row[0], (String) row[1]);
    }

    /** Records a settlement: the lines asked and, line by line, the quantity settled. */
    static void record(EntityManager em, UUID reservationId, SettlementKind kind, String reference,
            List<ReservationService.Line> asked, List<Long> settled) {
        List<ReservationService.Line> done = new ArrayList<>(asked.size());
        for (int i = 0; i < asked.size(); i++) {
            done.add(new ReservationService.Line(asked.get(i).lotId(), settled.get(i)));
        }
        em.createNativeQuery("INSERT INTO reservation_settlement "
                + "(reservation_id, kind, reference, lines, settled, settled_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, reservationId).setParameter(2, kind.name()).setParameter(3, reference)
                .setParameter(4, canonical(asked)).setParameter(5, canonical(done)).setParameter(6, DbClock.now())
                .executeUpdate();
    }

    /** The lines as sorted "lotId:quantity" text, to recognise a replay of the same settlement. */
    static String canonical(List<ReservationService.Line> lines) {
        return lines.stream().sorted(CANONICAL).map(l -> l.lotId() + ":" + l.quantity())
                .collect(Collectors.joining(","));
    }
}
