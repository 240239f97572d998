/**
 * The OptaPlanner allocation of relief materials and rescue/medical teams.
 *
 * <h2>How to call it</h2>
 * <pre>{@code
 * AllocationSolution problem = AllocationProblemBuilder.build(input);          // IllegalArgumentException on unknown weight names
 * AllocationSolution best = solver.solve(problem);                             // or SolverManager.solveAndListen(...)
 * PlanOutcome outcome = OutcomeExtractor.extract(best, input);                 // lines, team assignments, unmet + reasons
 * PlanAnalysis analysis = PlanAnalyzer.analyze(best, input, solutionManager);  // score per constraint + unmet reasons
 * }</pre>
 * The solver configuration is {@code solverConfig.xml} (read by optaplanner-quarkus, and by
 * {@link org.corridor.allocation.solver.AllocationSolverConfig} for plain Java).
 *
 * <h2>The model and why</h2>
 * A material need of {@code q} units is split into {@link org.corridor.allocation.solver.NeedChunk}
 * planning entities of fixed sizes; each chunk has one nullable planning variable, the
 * {@link org.corridor.allocation.solver.Lot} it comes from ({@code null} = this part stays unmet),
 * ranging over the lots of the need's item that pass every static rule (entity-dependent value
 * range). A team need of {@code n} teams is split into {@code n}
 * {@link org.corridor.allocation.solver.TeamSlot}s, each with a nullable
 * {@link org.corridor.allocation.solver.TeamOption} (team + precomputed journey to that site).
 * <ul>
 * <li><b>Partial and multi-lot allocations</b> come for free: different chunks of one need may take
 * different lots, or none. The alternative, one entity per (need, lot) with an integer quantity
 * variable, needs either a huge value range (0..q) that change moves sample badly, or custom moves;
 * chunks keep the problem in plain change/swap moves that OptaPlanner explores well.</li>
 * <li><b>Optimal plans are reachable</b>: chunk sizes are 1, 2, 4, ... (eight copies of each) up to
 * a bulk size, then bulk chunks, then the remainder ({@link org.corridor.allocation.solver.AllocationProblemBuilder#chunkSizes}).
 * One copy of the powers of two makes every total 0..q a subset sum; further copies let a need be
 * split exactly between several lots (60 + 20 out of 100 is impossible with 1, 2, 4, ..., 32, 37);
 * the bulk size is the largest power of two not above half the lower-quartile lot, because a chunk
 * always comes from a single lot and a chunk larger than every remaining lot can never be placed.
 * A cap ({@code Options.maxChunksPerNeed}, default 192) bounds the entity count; past it there are
 * fewer copies and the bulk size doubles. With only two copies the small chunks were used up
 * topping up a need's first lots and the benchmark's medium instance left more demand unmet than a
 * plan at unit granularity (docs/benchmarks/allocation-benchmark.md). The granularity remains a
 * limit: a plan may need quantities no set of disjoint chunks adds up to.</li>
 * <li><b>The planning value is the lot itself</b>, not a per-site object, so swap moves can exchange
 * lots between chunks of needs at different sites (which is how a CRITICAL need takes stock from a
 * HIGH one, and how shortages are shared fairly); the route from the lot's depot to the site
 * (distance, mode, lead time, cost, capacity) is precomputed once per (depot, site) and looked up.</li>
 * <li><b>Pruned value ranges</b>: lots blocked by an access rule, outside their earmark, or arriving
 * expired are not offered to a need, and teams blocked from the site's country are not offered to
 * its slots, so the search never wastes moves on them. The hard constraints still exist, are
 * tested, and guard plans built without pruning ({@code Options.pruneIneligible = false}).</li>
 * <li>A need no lot can serve becomes one pinned, unmet chunk: it still counts in the score and gets
 * a reason, but costs the search nothing.</li>
 * </ul>
 *
 * <h2>Score: HardMediumSoftLongScore</h2>
 * Quantity terms (unmet, late delivery, transport load, FEFO) are computed per plan line, chunks
 * grouped by (need, lot) or by need, so the score is a function of the plan lines alone.
 * Hard = never acceptable (over-allocated lots, embargoes, earmarks, expiry, double-booked or wrong
 * teams); medium = what could not be met, so a feasible plan always serves as much as it can
 * before it cares about cost or speed; soft = how well it is served (lateness, cost, team arrival,
 * fairness, first-expired-first-out). Transport cost counts whole vehicles per (depot, site, mode),
 * a staircase that gives local search no signal between vehicle counts; a small "Transport load"
 * term (a quarter of the cost of the vehicle share actually filled) adds the slope, which cut the
 * whole-vehicle cost of the generated medium instance by about 18% in the same 15 s. Unmet quantities are normalised to basis points (1/10,000)
 * of the item's total demand in the problem, so a tent and a water-purification tablet weigh the
 * same as a share of what is needed, while for one item a CRITICAL unit always outweighs a HIGH one
 * (weights 1000/100/10/1 per basis point). Unfilled team slots are normalised per team type the
 * same way. All weights: {@link org.corridor.allocation.solver.AllocationWeights}; per-request
 * overrides by constraint name through {@code SolverInput.weightOverrides}, carried into the
 * solution as an OptaPlanner {@code @ConstraintConfiguration}.
 */
package org.corridor.allocation.solver;
