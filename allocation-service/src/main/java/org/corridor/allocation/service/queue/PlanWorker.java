package org.corridor.allocation.service.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.corridor.allocation.config.AllocationConfig;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.allocation.solver.api.SolverInput;
import org.jboss.logging.Logger;

/**
 * This replica's worker on the shared solving queue ({@link PlanJobs}):
 * <ul>
 * <li>{@link #poll}: claims jobs while fewer than {@code max-concurrent-solves} plans are solved here and starts
 * solving them; run every {@code poll-interval} by the scheduler, at once after a plan was submitted to this replica
 * (its job committed: {@link #nudge}) and when a local solve ends;</li>
 * <li>the keeper: every {@link AllocationConfig.Plans#keeperInterval()} renews the leases of the plans solved here and
 * reads their cancel requests ({@link PlanSolver#heartbeat});</li>
 * <li>graceful shutdown: stops claiming and gives its jobs back to the queue.</li>
 * </ul>
 * With {@code worker-enabled=false} the replica never claims on its own (the scheduled poll and the nudge are off);
 * {@link #poll} can still be called directly.
 */
@ApplicationScoped
public class PlanWorker {

    private static final Logger LOG = Logger.getLogger(PlanWorker.class);

    private final PlanJobs jobs;
    private final PlanSolver solver;
    private final PlanResults results;
    private final AllocationConfig.Plans settings;
    private final ObjectMapper mapper;
    private final String instanceId;
    private final ExecutorService nudges = Executors.newSingleThreadExecutor(r -> daemon(r, "plan-worker-nudge"));
    private final ScheduledExecutorService keeper = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "plan-lease-keeper"));
    private volatile boolean stopping;

    public PlanWorker(PlanJobs jobs, PlanSolver solver, PlanResults results, AllocationConfig config,
            ObjectMapper mapper) {
        this.jobs = jobs;
        this.solver = solver;
        this.results = results;
        this.settings = config.plans();
        this.mapper = mapper;
        this.instanceId = settings.instanceId().filter(s -> !s.isBlank()).orElseGet(PlanWorker::defaultInstanceId);
    }

    /** This replica's name in the queue. */
    public String instanceId() {
        return instanceId;
    }

    void onStart(@Observes StartupEvent event) {
        LOG.infof("plan worker %s: %s, lease %s, keeper every %s, at most %d solve(s) at once, %d attempt(s) "
                + "per plan", instanceId, settings.workerEnabled() ? "claiming" : "not claiming (worker disabled)",
                settings.lease(), settings.keeperInterval(), settings.maxConcurrentSolves(), settings.maxAttempts());
        long period = Math.max(50, settings.keeperInterval().toMillis());
        keeper.scheduleWithFixedDelay(this::keep, period, period, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        // wait for a poll in progress (it holds this monitor): a job it just claimed is then registered with
        // the solver and given back below, instead of being left to expire with its lease
        synchronized (this) {
            LOG.debugf("plan worker %s: no poll in progress, giving jobs back", instanceId);
        }
        nudges.shutdownNow();
        keeper.shutdownNow();
        solver.shutdown();
    }

    @Scheduled(every = "${corridor.plans.poll-interval}", identity = "plan-worker-poll",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPoll() {
        if (settings.workerEnabled()) {
            pollQuietly();
        }
    }

    /** A plan submitted to this replica: its job has committed, look for work at once. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) PlanJobs.JobQueued queued) {
        nudge();
    }

    /** Looks for work at once, off the caller's thread (after a submit here, or a local solve ended). */
    public void nudge() {
        if (settings.workerEnabled() && !stopping) {
            try {
                nudges.execute(this::pollQuietly);
            } catch (RuntimeException rejected) {
                // shutting down
            }
        }
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.warnf(e, "plan worker %s: polling the queue failed; trying again at the next poll", instanceId);
        }
    }

    /** Claims and starts jobs while this replica has capacity; returns how many were started. */
    public synchronized int poll() {
        int started = 0;
        while (!stopping && solver.activeCount() < settings.maxConcurrentSolves()) {
            Optional<PlanJobs.Claim> claim = jobs.claim(instanceId, settings.lease(), settings.maxAttempts());
            if (claim.isEmpty()) {
                break;
            }
            start(claim.get());
            started++;
        }
        return started;
    }

    private void start(PlanJobs.Claim claim) {
        SolverInput input;
        try {
            input = mapper.readValue(claim.solverInput(), SolverInput.class);
        } catch (Exception e) {
            LOG.errorf(e, "plan %s: the job's solver input cannot be read", claim.lease().planId());
            results.saveFinal(claim.lease(), PlanStatus.FAILED, null, null, false,
                    "the plan's stored solver input could not be read; the server log has the details");
            return;
        }
        solver.start(claim.lease(), input, claim.spentLimit(), claim.unimprovedLimit(), this::nudge);
    }

    private void keep() {
        try {
            solver.heartbeat(settings.lease());
        } catch (RuntimeException e) {
            LOG.warnf(e, "plan worker %s: heartbeat failed", instanceId);
        }
    }

    private static String defaultInstanceId() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                host = "allocation";
            }
        }
        byte[] suffix = new byte[3];
        ThreadLocalRandom.current().nextBytes(suffix);
        return host + "-" + HexFormat.of().formatHex(suffix);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
