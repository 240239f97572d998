/**
 * The boundary between the allocation service and the solver: plain records in, plain records out, and one facade. The
 * service builds a {@link org.corridor.allocation.solver.api.SolverInput} from its database and inventory's snapshot
 * and hands it to {@link org.corridor.allocation.solver.api.AllocationPlanner}, which turns it into a planning
 * solution, solves it ({@link org.corridor.allocation.solver.api.PlanSolve}) and reports each best plan as a
 * {@link org.corridor.allocation.solver.api.PlanOutcome} and, at the end, a
 * {@link org.corridor.allocation.solver.api.PlanAnalysis}. The enums here are the solver's own; the service maps its
 * domain enums to them. Nothing outside {@code solver} imports more than this package.
 */
package org.corridor.allocation.solver.api;
