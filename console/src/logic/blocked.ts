// Routes the access rules in force block: an embargo or closed border from a depot's country to a site's
// country stops materials from that depot to that site (by the modes the rule names). Pure, so it is unit tested.

export interface RuleLike {
  id?: string;
  originCountryCode?: string;
  destinationCountryCode?: string;
  kind?: string;
  appliesTo?: string;
  reason?: string;
  validFrom?: string;
  validUntil?: string | null;
  modes?: string[];
}

export interface Place {
  id?: string;
  countryCode?: string;
}

export interface BlockedRoute<D extends Place, S extends Place> {
  depot: D;
  site: S;
  rule: RuleLike;
}

/** A rule is in force from validFrom (inclusive) until validUntil (exclusive), if it has one. */
export function inForce(rule: RuleLike, now: Date): boolean {
  const t = now.getTime();
  const from = rule.validFrom ? Date.parse(rule.validFrom) : Number.NEGATIVE_INFINITY;
  const until = rule.validUntil ? Date.parse(rule.validUntil) : Number.POSITIVE_INFINITY;
  return from <= t && t < until;
}

/** Rules that stop materials (a rule for teams only lets stock through). */
function blocksMaterials(rule: RuleLike): boolean {
  return rule.appliesTo !== 'TEAMS';
}

/** The rules in force now that stop materials, in the order the service gave them. */
export function rulesBlockingMaterials(rules: RuleLike[], now: Date): RuleLike[] {
  return rules.filter((r) => inForce(r, now) && blocksMaterials(r));
}

/**
 * Every depot -> site route a rule in force blocks: the depot lies in the rule's origin country and the site in
 * its destination country. A route two rules block appears once per rule (each has its own reason).
 */
export function blockedRoutes<D extends Place, S extends Place>(rules: RuleLike[], depots: D[], sites: S[], now: Date): Array<BlockedRoute<D, S>> {
  const out: Array<BlockedRoute<D, S>> = [];
  for (const rule of rulesBlockingMaterials(rules, now)) {
    for (const depot of depots.filter((d) => d.countryCode === rule.originCountryCode)) {
      for (const site of sites.filter((s) => s.countryCode === rule.destinationCountryCode)) out.push({ depot, site, rule });
    }
  }
  return out;
}
