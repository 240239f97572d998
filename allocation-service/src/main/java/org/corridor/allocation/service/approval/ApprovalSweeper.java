package org.corridor.allocation.service.approval;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Resumes approvals: every {@code corridor.approval.sweep-every}, each replica hands the approvals that are due (a
 * retry's time has come, or the lease of a crashed or stuck driver has expired) to its {@link ApprovalDriver}. Two
 * replicas may both pick one; only one claims it.
 */
@ApplicationScoped
public class ApprovalSweeper {

    private static final Logger LOG = Logger.getLogger(ApprovalSweeper.class);
    private static final int BATCH = 20;

    private final ApprovalRuns runs;
    private final ApprovalDriver driver;

    public ApprovalSweeper(ApprovalRuns runs, ApprovalDriver driver) {
        this.runs = runs;
        this.driver = driver;
    }

    @Scheduled(every = "${corridor.approval.sweep-every}", identity = "approval-sweep",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            for (UUID planId : runs.due(BATCH)) {
                if (!driver.isLocal(planId)) {
                    driver.submit(planId);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("approval sweep failed (%s); trying again at the next sweep", e.toString());
        }
    }
}
