package org.corridor.allocation.solver;

import java.util.function.Function;
import java.util.function.Supplier;
import org.optaplanner.core.api.function.TriFunction;
import org.optaplanner.core.api.score.stream.bi.BiConstraintCollector;
import org.optaplanner.core.api.score.stream.uni.UniConstraintCollector;

/**
 * The two constraint collectors of the re-planning terms, whose penalty is not a plain sum over the grouped elements: a
 * released base line is charged for the units <em>missing</em> from its lot (no slot on that lot must still cost), and
 * the fairness between incidents compares each incident's share with the common share of its item. Each keeps a small
 * array per group and undoes exactly what it added (OptaPlanner retracts an element with the {@link Runnable} its
 * accumulation returned).
 */
final class ReplanCollectors {

    private ReplanCollectors() {
    }

    /** Units served so far from each released base lot of one need. */
    static final class Served {
        private MaterialNeed need;
        private int[] units;

        /** Sum over the need's released base lots of the base units not served from that lot any more. */
        long shortfall() {
            long missing = 0;
            for (int i = 0; need != null && i < units.length; i++) {
                missing += Math.max(0, need.releasedBaseUnits(i) - units[i]);
            }
            return missing;
        }
    }

    /**
     * Over the slots of one need (grouped by need): the units of its released base lines no longer served from their
     * base lot ({@link Served#shortfall()}).
     */
    static UniConstraintCollector<NeedChunk, Served, Long> baseShortfall() {
        return new UniConstraintCollector<>() {
            @Override
            public Supplier<Served> supplier() {
                return Served::new;
            }

            @Override
            public java.util.function.BiFunction<Served, NeedChunk, Runnable> accumulator() {
                return (served, chunk) -> {
                    MaterialNeed need = chunk.getNeed();
                    if (served.need == null) {
                        served.need = need;
                        served.units = new int[need.releasedBaseLotCount()];
                    }
                    int i = chunk.isDelivering() ? need.releasedBaseIndex(chunk.getLot()) : -1;
                    if (i < 0) {
                        return () -> {
                        };
                    }
                    int q = chunk.getQuantity();
                    served.units[i] += q;
                    return () -> served.units[i] -= q;
                };
            }

            @Override
            public Function<Served, Long> finisher() {
                return Served::shortfall;
            }
        };
    }

    /** Unmet units per incident of one shared item. */
    static final class Unmet {
        private ItemIncidents item;
        private long[] units;
    }

    /**
     * Over (need, unmet units) of the needs of one shared item (grouped by {@link ItemIncidents}): the fairness penalty
     * of {@link ItemIncidents#penalty}.
     */
    static BiConstraintCollector<MaterialNeed, Integer, Unmet, Long> incidentShares() {
        return new BiConstraintCollector<>() {
            @Override
            public Supplier<Unmet> supplier() {
                return Unmet::new;
            }

            @Override
            public TriFunction<Unmet, MaterialNeed, Integer, Runnable> accumulator() {
                return (unmet, need, units) -> {
                    if (unmet.item == null) {
                        unmet.item = need.getItemIncidents();
                        unmet.units = new long[unmet.item.incidentCount()];
                    }
                    int k = need.getIncidentIndex();
                    long u = units;
                    unmet.units[k] += u;
                    return () -> unmet.units[k] -= u;
                };
            }

            @Override
            public Function<Unmet, Long> finisher() {
                return unmet -> unmet.item == null ? 0L : unmet.item.penalty(unmet.units);
            }
        };
    }
}
