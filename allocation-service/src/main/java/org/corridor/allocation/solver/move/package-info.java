/**
 * How the search changes a plan: the construction of the material lines and the custom local search moves, all named in
 * {@code solverConfig.xml}.
 *
 * <h2>Construction</h2> {@link org.corridor.allocation.solver.move.GreedyChunkInitializer} (a custom phase) fills the
 * material needs priority by priority from the lots where they are cheapest per unit; the team slots are then placed by
 * OptaPlanner's own construction heuristic.
 *
 * <h2>Material moves</h2> {@link org.corridor.allocation.solver.move.ChunkMoveIteratorFactory} draws, for each move,
 * one of nine families, each a {@link org.corridor.allocation.solver.move.MoveFamily}:
 * <ul>
 * <li>{@link org.corridor.allocation.solver.move.TransferMoves}: units move between a need's lines, to a lot with room
 * or back to unmet; trades between two needs when the lot is full
 * ({@link org.corridor.allocation.solver.move.ChunkEditMove});</li>
 * <li>{@link org.corridor.allocation.solver.move.SwapMoves}: two lines of one item exchange lots
 * ({@link org.corridor.allocation.solver.move.ChunkSwapMove});</li>
 * <li>{@link org.corridor.allocation.solver.move.EjectionMoves}: a line takes a lot and displaces another need's line
 * to a lot of its own ({@link org.corridor.allocation.solver.move.ChunkReassignMove});</li>
 * <li>{@link org.corridor.allocation.solver.move.RouteClosureMoves}: one route may open, then running routes close,
 * dearest first (and then, where a portfolio runs two or more searches, those of a few random lines), as long as the
 * units each carries can be re-routed, exactly, along augmenting paths through the lots and needs of its items at every
 * site (a need gives up a lot to another and takes from elsewhere);</li>
 * <li>route kicks ({@link org.corridor.allocation.solver.move.RouteClosureMoves#kicking()}, a share of their own): the
 * same closures, then ten kicks, each closing a random running route even where its units need routes not running and
 * then closing what it can; the move goes to the cheapest routes found on the way, so the search leaves route sets no
 * single closure improves (two cheap routes replacing one dear one);</li>
 * <li>{@link org.corridor.allocation.solver.move.RouteRebuildMoves}: the lines of a few routes of two sites are taken
 * off and placed again greedily, route by route ({@link org.corridor.allocation.solver.move.SiteRebuild} holds one
 * site's state);</li>
 * <li>{@link org.corridor.allocation.solver.move.RouteModeMoves}: every line of one depot-to-site route switches to
 * another mode that depot and site share, so its loads leave the old mode's vehicles together (vehicles are paid whole
 * per depot, site and mode); a line the new mode cannot carry without breaking a hard constraint keeps its mode
 * ({@link org.corridor.allocation.solver.move.RouteModeMove});</li>
 * <li>coverings ({@link org.corridor.allocation.solver.move.RouteClosureMoves#covering()}): a need with unmet units
 * takes what augmenting paths over any route bring it, other needs of its item giving up lots they can replace, so no
 * other need loses a unit; a chain of any length in one step (a re-plan's new need covered by moving base lines);</li>
 * <li>{@link org.corridor.allocation.solver.move.LineChangeMoves}: a whole line moves to another lot
 * ({@link org.corridor.allocation.solver.move.LineChangeMove}).</li>
 * </ul>
 * The families share one {@link org.corridor.allocation.solver.move.MoveIndex}, built once when the local search phase
 * starts (the slots by item, need and site; lots and routes numbered densely; each need's lots by route and its nearest
 * lots), one {@link org.corridor.allocation.solver.move.LotUse} (units taken per lot, counted once per step and item
 * when first needed) and, for closures and rebuilds, one {@link org.corridor.allocation.solver.move.RouteEdit} (the
 * move being built, with the room it frees or takes per lot).
 *
 * <h2>Shares: one place</h2> How often each kind of move is tried is set in {@code solverConfig.xml} only: the union's
 * fixed probability weights (material moves 8, line mode change 1, team change 1, team swap 1, team exchanges 1) and,
 * within the material moves, the share of each family as properties of the factory ({@code transferShare},
 * {@code swapShare}, {@code ejectionShare}, {@code routeClosureShare}, {@code routeKickShare},
 * {@code routeRebuildShare}, {@code routeModeShare}, {@code coverageShare}, {@code lineChangeShare}, adding up to 1;
 * {@link org.corridor.allocation.solver.move.MoveShares}). The code has no defaults: a factory without them fails when
 * its phase starts.
 *
 * <h2>Teams</h2> {@link org.corridor.allocation.solver.move.TeamMoveIteratorFactory} builds
 * {@link org.corridor.allocation.solver.move.TeamExchangeMove}s: two slots at different sites exchange teams, or a slot
 * takes another's team, which takes a free one.
 *
 * <h2>Reproducibility</h2> With a random seed and a step-count termination a solve gives the same plan to the unit:
 * nothing here depends on identity-hash order, and each family draws its random numbers in a fixed order. A change
 * meant to keep the search (a restructuring, a speed-up) must keep that order: the solver test
 * {@code SeededPlanFingerprintTest} compares the plans of seeded fixed-step solves with recorded ones. Every custom
 * move changes variables through {@link org.corridor.allocation.solver.move.VariableChange} (descriptors looked up
 * once).
 */
package org.corridor.allocation.solver.move;
