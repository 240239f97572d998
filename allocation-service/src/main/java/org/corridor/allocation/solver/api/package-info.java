/**
 * The boundary between the allocation service and the solver: plain records in, plain records out.
 * The service builds a {@link org.corridor.allocation.solver.api.SolverInput} from its database and
 * inventory's snapshot; the solver package turns it into a planning solution, solves it, and
 * extracts a {@link org.corridor.allocation.solver.api.PlanOutcome}. Neither side reaches into the
 * other's classes beyond these records.
 */
package org.corridor.allocation.solver.api;
