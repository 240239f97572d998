package org.corridor.allocation.service.queue;

import java.util.UUID;

/**
 * One claim of a plan's job: the fencing token every write of its solver carries. A write is accepted only while the
 * job is RUNNING with this owner and this attempt; once another replica has claimed the job again (attempt + 1) or the
 * job was given back, cancelled or finished, it is refused.
 */
public record JobLease(UUID planId, String owner, int attempt) {
}
