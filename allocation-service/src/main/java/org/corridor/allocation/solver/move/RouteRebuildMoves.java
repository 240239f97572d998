package org.corridor.allocation.solver.move;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.NeedChunk;
import org.optaplanner.core.impl.heuristic.move.Move;

/**
 * Route rebuilds ({@link ChunkEditMove}), a ruin and recreate of routes: the lines of one to
 * {@value #REBUILD_MAX_ROUTES} routes serving a site and of one to as many routes serving another site (sites compete
 * for the same lots: the stock one site gives up may make another's routes cheaper) are taken off and their units
 * placed again, route by route, on the route that is cheapest per unit it can take (routes still serving the site cost
 * nothing more, others the vehicles they add; slightly randomised so that repeated tries explore other choices), the
 * greedy of set covering. Each need gets back exactly the units it had, so only the soft level can change: which depots
 * serve which site, a fixed-charge choice (a route costs whole vehicles, mostly one) that this move changes several
 * routes at a time.
 */
final class RouteRebuildMoves implements MoveFamily {

    /** A rebuild takes off the lines of one to this many routes of a site. */
    static final int REBUILD_MAX_ROUTES = 4;
    /** A rebuild taking off more lines than this per site is not built. */
    static final int MAX_LINES_PER_SITE = 32;

    private final MoveIndex index;
    private final RouteEdit edit;

    /** The route a rebuild places on next, of one of its sites. */
    private record Choice(SiteRebuild site, int route) {
    }

    RouteRebuildMoves(MoveIndex index, RouteEdit edit) {
        this.index = index;
        this.edit = edit;
    }

    @Override
    public Move<AllocationSolution> next(Random random) {
        NeedChunk a = index.nonEmpty(random);
        if (a.getLot() == null) {
            return null;
        }
        List<SiteRebuild> sites = sites(a, random);
        try {
            int lines = 0;
            for (int k = 0; k < sites.size(); k++) {
                SiteRebuild site = sites.get(k);
                int first = k == 0
                        ? a.getSupply().getRoute().getIndex()
                        : site.active[random.nextInt(site.activeCount)];
                lines += ruin(site, first, random);
            }
            if (lines > MAX_LINES_PER_SITE * sites.size()) {
                return null;
            }
            for (SiteRebuild site : sites) {
                site.startCoverage();
            }
            return recreate(sites, random);
        } finally {
            edit.clear();
        }
    }

    /** a's site, and the site of a second random line when that one is at another site that has lines. */
    private List<SiteRebuild> sites(NeedChunk a, Random random) {
        List<SiteRebuild> sites = new ArrayList<>(2);
        sites.add(new SiteRebuild(index, edit, a.getNeed().getSite()));
        if (index.siteCount() > 1) {
            NeedChunk b = index.nonEmpty(random);
            if (b.getLot() != null && b.getNeed().getSite() != a.getNeed().getSite()) {
                SiteRebuild other = new SiteRebuild(index, edit, b.getNeed().getSite());
                if (other.activeCount > 0) {
                    sites.add(other);
                }
            }
        }
        return sites;
    }

    /**
     * Ruins route {@code first} of the site and up to {@value #REBUILD_MAX_ROUTES} - 1 more of its routes drawn at
     * random, and takes their lines off; answers how many lines.
     */
    private int ruin(SiteRebuild site, int first, Random random) {
        site.ruin(first);
        int extra = random.nextInt(REBUILD_MAX_ROUTES);
        for (int i = 0; i < extra && site.activeCount > site.ruined.size(); i++) {
            int r = site.active[random.nextInt(site.activeCount)];
            if (site.open[r]) {
                site.ruin(r);
            }
        }
        int lines = 0;
        for (int r : site.ruined) {
            for (NeedChunk c : site.linesOn(r)) {
                edit.release(c);
                site.takeOff(c.getNeed(), c.getQuantity());
                lines++;
            }
        }
        return lines;
    }

    /** Places the units taken off route by route, cheapest per unit first, until none is left. */
    private Move<AllocationSolution> recreate(List<SiteRebuild> sites, Random random) {
        List<String> placedItems = new ArrayList<>(4);
        while (true) {
            Choice best = cheapest(sites, random);
            if (best == null) {
                for (SiteRebuild site : sites) {
                    if (site.restCount > 0) {
                        return null;
                    }
                }
                return edit.move();
            }
            if (!best.site().placeOn(best.route(), placedItems)) {
                return null;
            }
            for (SiteRebuild site : sites) {
                if (site != best.site()) {
                    site.refresh(placedItems);
                }
            }
        }
    }

    /**
     * The route, among those of every site that could take some of what is left, whose added vehicles cost least per
     * unit it can take (times a random factor of 0.75 to 1.25); null when none can.
     */
    private static Choice cheapest(List<SiteRebuild> sites, Random random) {
        SiteRebuild bestSite = null;
        int best = -1;
        double bestRatio = Double.MAX_VALUE;
        for (SiteRebuild site : sites) {
            if (site.restCount == 0) {
                continue;
            }
            long[] coverage = site.coverage;
            for (int r = 0; r < coverage.length; r++) {
                if (coverage[r] > 0) {
                    double fixed = site.addedVehicles(r) * RouteEdit.vehicleCost(site.route(r));
                    double ratio = fixed * (0.75 + 0.5 * random.nextDouble()) / coverage[r];
                    if (ratio < bestRatio) {
                        bestRatio = ratio;
                        best = r;
                        bestSite = site;
                    }
                }
            }
        }
        return bestSite == null ? null : new Choice(bestSite, best);
    }
}
