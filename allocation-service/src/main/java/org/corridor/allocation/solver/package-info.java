/**
 * The OptaPlanner allocation of relief materials and rescue/medical teams.
 *
 * <h2>How to call it</h2> <pre>{@code
 * // IllegalArgumentException on unknown weight names
 * AllocationSolution problem = AllocationProblemBuilder.build(input);
 * AllocationSolution best = solver.solve(problem);                             // or SolverManager.solveAndListen(...)
 * PlanOutcome outcome = OutcomeExtractor.extract(best, input);                 // lines, team assignments, unmet
 * PlanAnalysis analysis = PlanAnalyzer.analyze(best, input, solutionManager);  // score per constraint, reasons
 * }</pre> The solver configuration is {@code solverConfig.xml} (read by optaplanner-quarkus, and by
 * {@link org.corridor.allocation.solver.AllocationSolverConfig} for plain Java).
 *
 * <h2>Classes</h2> This package holds the model (problem facts, the two planning entities, {@code AllocationSolution}
 * and its cloner), the constraints and their weights, and the way in and out (builder, extractor, analyzer,
 * configuration). The problem facts that mirror the service's JPA entities of the same meaning are named
 * {@link org.corridor.allocation.solver.SiteFact}, {@link org.corridor.allocation.solver.TeamNeedFact} and
 * {@link org.corridor.allocation.solver.AccessRuleFact}, so that no solver class shares a name with an entity of
 * {@code domain} ({@code Site}, {@code TeamNeed}, {@code AccessRule}). Beware that {@code SolverInput} has nested
 * records of the same simple names {@code TeamNeedFact} and {@code AccessRuleFact} (the input side): write those as
 * {@code SolverInput.TeamNeedFact} and {@code SolverInput.AccessRuleFact} in this package. How the search changes a
 * plan (the construction of the material lines, the custom moves and the per-phase index they share) is in
 * {@link org.corridor.allocation.solver.move}.
 *
 * <h2>The model and why</h2> A material need of {@code q} units has {@link org.corridor.allocation.solver.NeedChunk}
 * planning entities, "slots", each a possible plan line with two planning variables: the nullable
 * {@link org.corridor.allocation.solver.Lot} it comes from ({@code null} = unmet), ranging over the lots of the need's
 * item that pass every static rule (entity-dependent value range), and its quantity. A team need of {@code n} teams is
 * split into {@code n} {@link org.corridor.allocation.solver.TeamSlot}s, each with a nullable
 * {@link org.corridor.allocation.solver.TeamOption} (team + precomputed journey to that site).
 * <ul>
 * <li><b>Partial and multi-lot allocations</b>: one slot holds the whole need at first (unmet), and there is one empty
 * slot per lot that may serve it (capped by {@code Options.linesPerNeed}, default 48). The quantities of a need's slots
 * always add up to {@code q}: only the custom moves ({@link org.corridor.allocation.solver.move.ChunkEditMove}, built
 * by the move families of {@link org.corridor.allocation.solver.move.ChunkMoveIteratorFactory}) change a quantity, by
 * moving units between slots; there is no generic change move on a slot. Empty slots count for nothing.</li>
 * <li><b>Why not fixed-size chunks</b> (what this model replaced): parts of a need of sizes 1, 2, 4, ..., each with
 * only a lot variable, keep every move a plain reassignment, but a chunk comes from a single lot, so on large instances
 * the bulk chunks left after construction no longer fitted the fragments of room in small lots and demand stayed unmet
 * that a unit-granular plan meets (the benchmark's L and XL medium were far worse than a greedy plan's). Slots fill
 * lots exactly, have fewer entities, and reached the proven optimal medium on the benchmark's M instance.</li>
 * <li><b>The planning value is the lot itself</b>, not a per-site object, so swap moves can exchange lots between lines
 * of needs at different sites (which is how a CRITICAL need takes stock from a HIGH one, and how shortages are shared
 * fairly); the route from the lot's depot to the site (distance, mode, lead time, cost, capacity) is precomputed once
 * per (depot, site) and looked up.</li>
 * <li><b>Pruned value ranges</b>: lots blocked by an access rule, outside their earmark, or arriving expired are not
 * offered to a need, and teams blocked from the site's country are not offered to its slots, so the search never wastes
 * moves on them. The hard constraints still exist, are tested, and guard plans built without pruning
 * ({@code Options.pruneIneligible = false}).</li>
 * <li>A need no lot can serve becomes one pinned, unmet slot: it still counts in the score and gets a reason, but costs
 * the search nothing.</li>
 * </ul>
 *
 * <h2>Score: HardMediumSoftLongScore</h2> Quantity terms (unmet, late delivery, transport load, FEFO) are computed per
 * plan line, slots grouped by (need, lot) or by need, so the score is a function of the plan lines alone. Hard = never
 * acceptable (over-allocated lots, embargoes, earmarks, expiry, double-booked or wrong teams); medium = what could not
 * be met, so a feasible plan always serves as much as it can before it cares about cost or speed; soft = how well it is
 * served (lateness, cost, team arrival, fairness, first-expired-first-out). Transport cost counts whole vehicles per
 * (depot, site, mode), a staircase that gives local search no signal between vehicle counts; a small "Transport load"
 * term (a quarter of the cost of the vehicle share actually filled) adds the slope, which cut the whole-vehicle cost of
 * the generated medium instance by about 18% in the same 15 s. Unmet quantities are normalised to basis points
 * (1/10,000) of the item's total demand in the problem, so a tent and a water-purification tablet weigh the same as a
 * share of what is needed, while for one item a CRITICAL unit always outweighs a HIGH one (weights 1000/100/10/1 per
 * basis point). Unfilled team slots are normalised per team type the same way. All weights:
 * {@link org.corridor.allocation.solver.AllocationWeights}; per-request overrides by constraint name through
 * {@code SolverInput.weightOverrides}, carried into the solution as an OptaPlanner {@code @ConstraintConfiguration}.
 */
package org.corridor.allocation.solver;
