package org.corridor.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * What one planner produced on one instance: its plan's evaluated score, timings and, where the planner has them, the
 * objective over time, a lower bound and solver statistics.
 */
public final class RunResult {

    /** One point of the objective over time (evaluated or solver score, per planner). */
    public record Point(long millis, long hard, long medium, long soft) {
    }

    public String size;
    public String planner;
    public PlanEvaluator.Score score;
    /** The plan that was scored (null when the planner found none). */
    public Plan plan;
    public long millis;
    public long buildMillis;
    public Long firstFeasibleMillis;
    public Long within1PctMillis;
    /** Score calculations per second of wall clock, per search (the searches of a plan run side by side). */
    public Long scoreCalcPerSecond;
    /** Score calculations per second of CPU time of the solver threads (independent of machine load). */
    public Long scoreCalcPerCpuSecond;
    public long scoreCalcCount;
    public long cpuMillis;
    public Long peakHeapBytes;
    public String status = "";
    /** Lower bound on the soft penalty (positive) at the optimal medium level, from the MIP; null = none. */
    public Double softBound;
    /** Lower bound on the medium penalty (positive) from the MIP; null = none. */
    public Double mediumBound;
    public String note = "";
    public final List<Point> curve = new ArrayList<>();
    public int entities;
    /** Searches that solved the plan side by side (1 for planners other than OptaPlanner). */
    public int searches = 1;
    /** Each search's best soft score (solver's own), in the order of the searches. */
    public List<Long> searchSofts = List.of();
}
