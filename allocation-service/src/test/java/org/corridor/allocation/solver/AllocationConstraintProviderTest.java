package org.corridor.allocation.solver;

import static org.corridor.allocation.solver.Facts.*;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.corridor.allocation.solver.api.AppliesTo;
import org.corridor.allocation.solver.api.Priority;
import org.corridor.allocation.solver.api.TransportMode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

/** One ConstraintVerifier test per constraint: what it penalises, and what it leaves alone. */
class AllocationConstraintProviderTest {

    private final ConstraintVerifier<AllocationConstraintProvider, AllocationSolution> verifier = ConstraintVerifier
            .build(new AllocationConstraintProvider(), AllocationSolution.class, NeedChunk.class, TeamSlot.class)
            .withConstraintStreamImplType(ConstraintStreamImplType.BAVET);

    private final SiteFact antakya = site("Antakya", "TUR");
    private final SiteFact aleppo = site("Aleppo", "SYR");

    @Nested
    class Hard {

        @Test
        void lotOverAllocatedPenalisesUnitsBeyondAvailable() {
            Lot lot = lot("TUR-ADA", "TUR", "TENT", 300);
            Supply s = supply(lot, antakya);
            MaterialNeed n1 = need(antakya, "TENT", 256, Priority.HIGH);
            MaterialNeed n2 = need(antakya, "TENT", 100, Priority.HIGH);
            verifier.verifyThat(AllocationConstraintProvider::lotOverAllocated)
                    .given(lot, chunk(n1, 256, s), chunk(n2, 64, s), chunk(n2, 32, s))
                    .penalizesBy(256 + 64 + 32 - 300);
        }

        @Test
        void lotOverAllocatedAcceptsExactlyAvailableAndUnmetChunks() {
            Lot lot = lot("TUR-ADA", "TUR", "TENT", 300);
            Supply s = supply(lot, antakya);
            MaterialNeed n = need(antakya, "TENT", 500, Priority.HIGH);
            verifier.verifyThat(AllocationConstraintProvider::lotOverAllocated)
                    .given(lot, chunk(n, 256, s), chunk(n, 44, s), unmetChunk(n, 200))
                    .penalizesBy(0);
        }

        @Test
        void materialAccessBlockedPenalisesQuantityAcrossEmbargo() {
            Lot ita = lot("ITA-BRI", "ITA", "TENT", 1000);
            MaterialNeed n = need(aleppo, "TENT", 500, Priority.HIGH);
            AccessRuleFact rule = embargo("ITA", "SYR", AppliesTo.MATERIALS);
            // the problem builder records on each supply the rules that block it (Supply#withAccessRules)
            verifier.verifyThat(AllocationConstraintProvider::materialAccessBlocked)
                    .given(rule, chunk(n, 256, supply(ita, aleppo).withAccessRules(List.of(rule))))
                    .penalizesBy(256);
            AccessRuleFact closure = new AccessRuleFact(uuid(), "ITA", "SYR", "BORDER_CLOSED", AppliesTo.ALL,
                    T0.minus(Duration.ofDays(1)), null, "closed");
            verifier.verifyThat(AllocationConstraintProvider::materialAccessBlocked)
                    .given(rule, closure, chunk(n, 256, supply(ita, aleppo).withAccessRules(List.of(rule, closure))))
                    .penalizesBy(512);
        }

        @Test
        void materialAccessBlockedByARuleStartingWhileTheTruckIsOnTheRoad() {
            Lot tur = lot("TUR-GAZ", "TUR", "TENT", 1000);
            MaterialNeed n = need(aleppo, "TENT", 500, Priority.HIGH);
            // the truck leaves at T0 and arrives 24 h later; the border closes 12 h after it left
            AccessRuleFact closing = new AccessRuleFact(uuid(), "TUR", "SYR", "BORDER_CLOSED", AppliesTo.ALL,
                    T0.plus(Duration.ofHours(12)), null, "closes at noon");
            verifier.verifyThat(AllocationConstraintProvider::materialAccessBlocked)
                    .given(closing, chunk(n, 100, supply(tur, aleppo).withAccessRules(List.of(closing))))
                    .penalizesBy(100);
        }

        @Test
        void materialAccessBlockedOnlyForTheModesTheRuleStops() {
            Lot tur = lot("TUR-GAZ", "TUR", "TENT", 1000);
            MaterialNeed byRoad = need(aleppo, "TENT", 500, Priority.HIGH);
            MaterialNeed byAir = need(aleppo, "TENT", 500, Priority.HIGH);
            // a closed land border: trucks stop, aircraft fly over it
            AccessRuleFact landBorder = new AccessRuleFact(uuid(), "TUR", "SYR", "BORDER_CLOSED", AppliesTo.ALL,
                    T0.minus(Duration.ofDays(1)), null, "land border closed", Set.of(TransportMode.ROAD));
            Supply air = new Supply(tur, new Route(tur.getDepotId(), tur.getDepotCode(), "TUR", aleppo,
                    TransportMode.AIR, 100, Duration.ofHours(25), 20, 40_000, 300, T0), 2)
                    .withAccessRules(List.of(landBorder));
            verifier.verifyThat(AllocationConstraintProvider::materialAccessBlocked)
                    .given(landBorder, chunk(byRoad, 100, supply(tur, aleppo).withAccessRules(List.of(landBorder))),
                            chunk(byAir, 40, air))
                    .penalizesBy(100);
        }

        @Test
        void materialAccessBlockedIgnoresTeamOnlyRulesOtherPairsAndExpiredRules() {
            Lot ita = lot("ITA-BRI", "ITA", "TENT", 1000);
            Lot are = lot("ARE-DXB", "ARE", "TENT", 1000);
            MaterialNeed n = need(aleppo, "TENT", 500, Priority.HIGH);
            AccessRuleFact teamsOnly = embargo("ITA", "SYR", AppliesTo.TEAMS);
            AccessRuleFact otherPair = embargo("ARE", "TUR", AppliesTo.ALL);
            AccessRuleFact expired = new AccessRuleFact(uuid(), "ARE", "SYR", "BORDER_CLOSED", AppliesTo.ALL,
                    T0.minus(Duration.ofDays(10)), T0.minus(Duration.ofDays(1)), "lifted");
            // from after the 24 h journey has arrived
            AccessRuleFact future = new AccessRuleFact(uuid(), "ARE", "SYR", "BORDER_CLOSED", AppliesTo.ALL,
                    T0.plus(Duration.ofHours(25)), null, "announced");
            List<AccessRuleFact> rules = List.of(teamsOnly, otherPair, expired, future);
            verifier.verifyThat(AllocationConstraintProvider::materialAccessBlocked)
                    .given(teamsOnly, otherPair, expired, future,
                            chunk(n, 256, supply(ita, aleppo).withAccessRules(rules)),
                            chunk(n, 128, supply(are, aleppo).withAccessRules(rules)))
                    .penalizesBy(0);
        }

        @Test
        void earmarkViolatedPenalisesWrongCountryOrWrongIncidentType() {
            Lot forSyr = lot("TUR-ADA", "TUR", "TENT", 100, null, Set.of("SYR"), Set.of(), 55, 0.28);
            Lot forFloods = lot("TUR-IST", "TUR", "TENT", 100, null, Set.of(), Set.of("FL"), 55, 0.28);
            MaterialNeed quake = need(antakya, "TENT", 100, Priority.HIGH, T0.plus(Duration.ofDays(3)), 100, "EQ");
            verifier.verifyThat(AllocationConstraintProvider::earmarkViolated)
                    .given(chunk(quake, 32, supply(forSyr, antakya)), chunk(quake, 8, supply(forFloods, antakya)))
                    .penalizesBy(40);
        }

        @Test
        void earmarkViolatedAcceptsMatchingOrAbsentEarmarks() {
            Lot forTurQuakes = lot("TUR-ADA", "TUR", "TENT", 100, null, Set.of("TUR"), Set.of("EQ"), 55, 0.28);
            Lot free = lot("TUR-IST", "TUR", "TENT", 100);
            MaterialNeed quake = need(antakya, "TENT", 100, Priority.HIGH, T0.plus(Duration.ofDays(3)), 100, "EQ");
            verifier.verifyThat(AllocationConstraintProvider::earmarkViolated)
                    .given(chunk(quake, 32, supply(forTurQuakes, antakya)), chunk(quake, 8, supply(free, antakya)))
                    .penalizesBy(0);
        }

        @Test
        void lotExpiresBeforeArrivalPenalisesLotsExpiringWithinMargin() {
            // Arrives T0 + 48 h = 8 Feb 06:00; margin 2 days -> must be good until 10 Feb 06:00.
            Lot expires10Feb = lot("TUR-ADA", "TUR", "HEB", 100, LocalDate.of(2026, 2, 10), Set.of(), Set.of(), 10,
                    0.03);
            MaterialNeed n = need(antakya, "HEB", 100, Priority.HIGH);
            verifier.verifyThat(AllocationConstraintProvider::lotExpiresBeforeArrival)
                    .given(chunk(n, 64, supply(expires10Feb, antakya, 48, 2)))
                    .penalizesBy(64);
        }

        @Test
        void lotExpiresBeforeArrivalAcceptsFreshAndNonPerishableLots() {
            Lot expires11Feb = lot("TUR-ADA", "TUR", "HEB", 100, LocalDate.of(2026, 2, 11), Set.of(), Set.of(), 10,
                    0.03);
            Lot durable = lot("TUR-IST", "TUR", "HEB", 100);
            MaterialNeed n = need(antakya, "HEB", 100, Priority.HIGH);
            verifier.verifyThat(AllocationConstraintProvider::lotExpiresBeforeArrival)
                    .given(chunk(n, 64, supply(expires11Feb, antakya, 48, 2)), chunk(n, 32, supply(durable, antakya)))
                    .penalizesBy(0);
        }

        @Test
        void teamDoubleBookedPenalisesEveryExtraSlot() {
            Team t = team("DEU-THW", "DEU", "USAR_HEAVY", 10);
            TeamNeedFact a = teamNeed(antakya, "USAR_HEAVY", 2);
            TeamNeedFact b = teamNeed(aleppo, "USAR_HEAVY", 1);
            verifier.verifyThat(AllocationConstraintProvider::teamDoubleBooked)
                    .given(slot(a, option(t, antakya, 5)), slot(a, option(t, antakya, 5)),
                            slot(b, option(t, aleppo, 6)))
                    .penalizesBy(2);
        }

        @Test
        void teamDoubleBookedAcceptsDistinctTeamsAndUnfilledSlots() {
            TeamNeedFact a = teamNeed(antakya, "USAR_HEAVY", 3);
            verifier.verifyThat(AllocationConstraintProvider::teamDoubleBooked)
                    .given(slot(a, option(team("A", "DEU", "USAR_HEAVY", 10), antakya, 5)),
                            slot(a, option(team("B", "FRA", "USAR_HEAVY", 10), antakya, 5)), slot(a, null),
                            slot(a, null))
                    .penalizesBy(0);
        }

        @Test
        void teamWrongTypePenalisesMismatchOnly() {
            TeamNeedFact heavy = teamNeed(antakya, "USAR_HEAVY", 2);
            verifier.verifyThat(AllocationConstraintProvider::teamWrongType)
                    .given(slot(heavy, option(team("EMT", "NOR", "EMT_TYPE_2", 12), antakya, 5)),
                            slot(heavy, option(team("THW", "DEU", "USAR_HEAVY", 10), antakya, 5)), slot(heavy, null))
                    .penalizesBy(1);
        }

        @Test
        void teamAccessBlockedPenalisesTeamsAcrossRulesBlockingTeams() {
            TeamNeedFact n = teamNeed(aleppo, "USAR_HEAVY", 3);
            Team usa = team("USA-1", "USA", "USAR_HEAVY", 10);
            Team gbr = team("GBR-1", "GBR", "USAR_HEAVY", 10);
            Team deu = team("DEU-1", "DEU", "USAR_HEAVY", 10);
            List<AccessRuleFact> rules = List.of(embargo("USA", "SYR", AppliesTo.ALL),
                    embargo("GBR", "SYR", AppliesTo.MATERIALS));
            verifier.verifyThat(AllocationConstraintProvider::teamAccessBlocked)
                    .given(rules.get(0), rules.get(1),
                            slot(n, option(usa, aleppo, 14).withAccessRules(rules)),
                            slot(n, option(gbr, aleppo, 5).withAccessRules(rules)),
                            slot(n, option(deu, aleppo, 5).withAccessRules(rules)))
                    .penalizesBy(1);
        }

        @Test
        void teamAccessBlockedChecksRuleAtDepartureAfterMobilisation() {
            TeamNeedFact n = teamNeed(aleppo, "USAR_HEAVY", 1);
            Team slow = team("USA-1", "USA", "USAR_HEAVY", 30);
            // Border closed only for the first day: a team departing after 30 h of mobilisation passes.
            AccessRuleFact firstDay = new AccessRuleFact(uuid(), "USA", "SYR", "BORDER_CLOSED", AppliesTo.TEAMS, T0,
                    T0.plus(Duration.ofHours(24)), "closed");
            verifier.verifyThat(AllocationConstraintProvider::teamAccessBlocked)
                    .given(firstDay, slot(n, option(slow, aleppo, 14).withAccessRules(List.of(firstDay))))
                    .penalizesBy(0);
            Team fast = team("USA-2", "USA", "USAR_HEAVY", 6);
            verifier.verifyThat(AllocationConstraintProvider::teamAccessBlocked)
                    .given(firstDay, slot(n, option(fast, aleppo, 14).withAccessRules(List.of(firstDay))))
                    .penalizesBy(1);
        }
    }

    @Nested
    class Medium {

        @Test
        void unmetIsNormalisedByItemDemandAndSplitByPriority() {
            // 500 tents needed in total; 100 unmet = 2,000 basis points.
            MaterialNeed critical = need(antakya, "TENT", 300, Priority.CRITICAL, T0, 500, "EQ");
            MaterialNeed high = need(aleppo, "TENT", 200, Priority.HIGH, T0, 500, "EQ");
            Lot lot = lot("TUR-ADA", "TUR", "TENT", 1000);
            verifier.verifyThat((p, f) -> p.unmet(f, Priority.CRITICAL, AllocationWeights.UNMET_CRITICAL))
                    .given(unmetChunk(critical, 100), chunk(critical, 200, supply(lot, antakya)), unmetChunk(high, 200))
                    .penalizesBy(2_000);
            verifier.verifyThat((p, f) -> p.unmet(f, Priority.HIGH, AllocationWeights.UNMET_HIGH))
                    .given(unmetChunk(critical, 100), unmetChunk(high, 200))
                    .penalizesBy(4_000);
        }

        @org.junit.jupiter.params.ParameterizedTest
        @org.junit.jupiter.params.provider.EnumSource(Priority.class)
        void eachPriorityHasItsOwnUnmetConstraint(Priority priority) {
            String name = switch (priority) {
                case CRITICAL -> AllocationWeights.UNMET_CRITICAL;
                case HIGH -> AllocationWeights.UNMET_HIGH;
                case MEDIUM -> AllocationWeights.UNMET_MEDIUM;
                case LOW -> AllocationWeights.UNMET_LOW;
            };
            MaterialNeed own = need(antakya, "KIT", 100, priority);
            Priority other = priority == Priority.LOW ? Priority.CRITICAL : Priority.LOW;
            MaterialNeed foreign = need(aleppo, "KIT", 100, other);
            // 25 of 100 unmet = 2,500 basis points; the other priority's unmet chunk is not counted here.
            verifier.verifyThat((p, f) -> p.unmet(f, priority, name))
                    .given(unmetChunk(own, 25), unmetChunk(foreign, 50))
                    .penalizesBy(2_500);
        }

        @Test
        void unmetIgnoresMetChunksAndOtherPriorities() {
            MaterialNeed low = need(antakya, "TENT", 300, Priority.LOW);
            Lot lot = lot("TUR-ADA", "TUR", "TENT", 1000);
            verifier.verifyThat((p, f) -> p.unmet(f, Priority.LOW, AllocationWeights.UNMET_LOW))
                    .given(chunk(low, 300, supply(lot, antakya)))
                    .penalizesBy(0);
            verifier.verifyThat((p, f) -> p.unmet(f, Priority.MEDIUM, AllocationWeights.UNMET_MEDIUM))
                    .given(unmetChunk(low, 300))
                    .penalizesBy(0);
        }

        @Test
        void unmetTabletsAndTentsWeighTheSameAsAFractionOfDemand() {
            MaterialNeed tents = need(antakya, "TENT", 100, Priority.HIGH);
            MaterialNeed tablets = need(antakya, "TABLET", 100_000, Priority.HIGH);
            // Half of each unmet: 5,000 basis points each.
            verifier.verifyThat((p, f) -> p.unmet(f, Priority.HIGH, AllocationWeights.UNMET_HIGH))
                    .given(unmetChunk(tents, 50), unmetChunk(tablets, 50_000))
                    .penalizesBy(10_000);
        }

        @Test
        void unfilledTeamSlotPenalisesEachEmptySlotNormalisedByTypeDemand() {
            TeamNeedFact n = teamNeed(antakya, "USAR_HEAVY", 4);
            verifier.verifyThat(AllocationConstraintProvider::unfilledTeamSlot)
                    .given(slot(n, null), slot(n, null),
                            slot(n, option(team("A", "DEU", "USAR_HEAVY", 10), antakya, 5)))
                    .penalizesBy(2 * 2_500);
        }

        @Test
        void unfilledTeamSlotIgnoresFilledSlots() {
            TeamNeedFact n = teamNeed(antakya, "USAR_HEAVY", 1);
            verifier.verifyThat(AllocationConstraintProvider::unfilledTeamSlot)
                    .given(slot(n, option(team("A", "DEU", "USAR_HEAVY", 10), antakya, 5)))
                    .penalizesBy(0);
        }
    }

    @Nested
    class Soft {

        @Test
        void lateDeliveryPenalisesHoursLateTimesBasisPoints() {
            // deliver by T0 + 24 h, arrives T0 + 30 h: 6 h late; 50 of 100 = 5,000 bp.
            MaterialNeed n = need(antakya, "TENT", 100, Priority.HIGH, T0.plus(Duration.ofHours(24)), 100, "EQ");
            Lot lot = lot("TUR-ADA", "TUR", "TENT", 100);
            verifier.verifyThat(AllocationConstraintProvider::lateDelivery)
                    .given(chunk(n, 50, supply(lot, antakya, 30, 2)))
                    .penalizesBy(6 * 5_000);
        }

        @Test
        void lateDeliveryIgnoresOnTimeAndUnmet() {
            MaterialNeed n = need(antakya, "TENT", 100, Priority.HIGH, T0.plus(Duration.ofHours(24)), 100, "EQ");
            Lot lot = lot("TUR-ADA", "TUR", "TENT", 100);
            verifier.verifyThat(AllocationConstraintProvider::lateDelivery)
                    .given(chunk(n, 50, supply(lot, antakya, 24, 2)), unmetChunk(n, 50))
                    .penalizesBy(0);
        }

        @Test
        void transportCostCountsWholeVehiclesPerRoute() {
            // 100 km road at 2 per km. 300 tents of 55 kg / 0.282 m3 = 16.5 t, 84.6 m3 -> 2 trucks (by volume).
            Lot lot = lot("TUR-ADA", "TUR", "TENT", 1000, null, Set.of(), Set.of(), 55, 0.282);
            Supply s = supply(lot, antakya);
            MaterialNeed n = need(antakya, "TENT", 300, Priority.HIGH);
            verifier.verifyThat(AllocationConstraintProvider::transportCost)
                    .given(chunk(n, 256, s), chunk(n, 44, s))
                    .penalizesBy(2 * 100 * 2);
        }

        @Test
        void transportCostConsolidatesTwoNeedsOnOneTruck() {
            // Two needs at one site from one depot: 10 + 20 tarpaulins of 4 kg share one truck.
            Lot lot = lot("TUR-ADA", "TUR", "TARP", 1000, null, Set.of(), Set.of(), 4, 0.01);
            Supply s = supply(lot, antakya);
            MaterialNeed a = need(antakya, "TARP", 10, Priority.HIGH);
            MaterialNeed b = need(antakya, "TARP", 20, Priority.LOW);
            verifier.verifyThat(AllocationConstraintProvider::transportCost)
                    .given(chunk(a, 10, s), chunk(b, 20, s), unmetChunk(b, 5))
                    .penalizesBy(100 * 2);
        }

        @Test
        void transportLoadPenalisesAQuarterOfTheVehicleShareEachChunkFills() {
            // 100 km road at 2 per km; 100 kg units. 100 units = half a truck by weight -> 100 / 4 = 25;
            // 20 units = a tenth -> 20 / 4 = 5. Unmet chunks cost nothing.
            Lot lot = lot("TUR-ADA", "TUR", "GEN", 1000, null, Set.of(), Set.of(), 100, 0.1);
            Supply s = supply(lot, antakya);
            MaterialNeed n = need(antakya, "GEN", 200, Priority.HIGH);
            verifier.verifyThat(AllocationConstraintProvider::transportLoad)
                    .given(chunk(n, 100, s), chunk(n, 20, s), unmetChunk(n, 80))
                    .penalizesBy(25 + 5);
        }

        @Test
        void teamArrivalTimeWeighsUsarHoursInFirst72hTenfold() {
            TeamNeedFact usar = teamNeed(antakya, "USAR_HEAVY", 1);
            TeamNeedFact emt = teamNeed(antakya, "EMT_TYPE_2", 1);
            // USAR arrives at 80 h: 72 * 10 + 8; EMT arrives at 20 h: 20.
            verifier.verifyThat(AllocationConstraintProvider::teamArrivalTime)
                    .given(slot(usar, option(team("A", "DEU", "USAR_HEAVY", 70), antakya, 10)),
                            slot(emt, option(team("B", "NOR", "EMT_TYPE_2", 12), antakya, 8)), slot(emt, null))
                    .penalizesBy(72 * 10 + 8 + 20);
        }

        @Test
        void teamArrivalTimeCountsTheUsarWindowFromTheIncidentStart() {
            // arrival 20 h after plan start (10 h mobilisation + 10 h travel)
            TeamNeedFact fresh = teamNeed(antakya, "USAR_HEAVY", 1).withIncident(T0.minus(Duration.ofHours(60)),
                    null);
            TeamNeedFact fiveDays = teamNeed(antakya, "USAR_HEAVY", 1).withIncident(T0.minus(Duration.ofDays(5)),
                    null);
            // struck 60 h ago: 12 h of the window are left, counted tenfold, then 8 h at 1
            verifier.verifyThat(AllocationConstraintProvider::teamArrivalTime)
                    .given(slot(fresh, option(team("A", "DEU", "USAR_HEAVY", 10), antakya, 10)))
                    .penalizesBy(12 * 10 + 8);
            // struck 5 days ago: the rescue window is over, no x10 weight
            verifier.verifyThat(AllocationConstraintProvider::teamArrivalTime)
                    .given(slot(fiveDays, option(team("B", "FRA", "USAR_HEAVY", 10), antakya, 10)))
                    .penalizesBy(20);
        }

        @Test
        void lateTeamArrivalPenalisesHoursPastNeededBy() {
            TeamNeedFact n = teamNeed(antakya, "USAR_HEAVY", 2); // needed by T0 + 24 h
            verifier.verifyThat(AllocationConstraintProvider::lateTeamArrival)
                    .given(slot(n, option(team("A", "DEU", "USAR_HEAVY", 20), antakya, 10)),
                            slot(n, option(team("B", "FRA", "USAR_HEAVY", 10), antakya, 10)))
                    .penalizesBy(6);
        }

        @Test
        void unfairSiteSharePenalisesSquaredMeanUnmetFractionPerSite() {
            SiteFact s1 = new SiteFact(uuid(), uuid(), "S1", "TUR", 36, 36, 2);
            MaterialNeed tents = need(s1, "TENT", 100, Priority.HIGH);
            MaterialNeed kits = need(s1, "KIT", 100, Priority.HIGH);
            // tents 50% unmet (500 per-mille), kits 100% (1000): mean 750 -> 750^2 / 10.
            verifier.verifyThat(AllocationConstraintProvider::unfairSiteShare)
                    .given(s1, unmetChunk(tents, 50), unmetChunk(kits, 64), unmetChunk(kits, 36))
                    .penalizesBy(750L * 750 / 10);
        }

        @Test
        void unfairSiteShareIsLowerWhenShortageIsShared() {
            SiteFact s1 = new SiteFact(uuid(), uuid(), "S1", "TUR", 36, 36, 1);
            SiteFact s2 = new SiteFact(uuid(), uuid(), "S2", "SYR", 36, 37, 1);
            MaterialNeed a = need(s1, "TENT", 100, Priority.HIGH);
            MaterialNeed b = need(s2, "TENT", 100, Priority.HIGH);
            // Half unmet at each site: 2 * 500^2 / 10 = 50,000 < one starved site 1000^2 / 10 = 100,000.
            verifier.verifyThat(AllocationConstraintProvider::unfairSiteShare)
                    .given(unmetChunk(a, 50), unmetChunk(b, 50))
                    .penalizesBy(50_000);
            verifier.verifyThat(AllocationConstraintProvider::unfairSiteShare)
                    .given(unmetChunk(a, 100))
                    .penalizesBy(100_000);
        }

        @Test
        void fefoPenalisesShelfLifeLeftSoShortDatedLotsGoFirst() {
            // Arrive 7 Feb 06:00 (24 h). Expiring 9 Apr 2026: 60 whole days left; 14 Feb: 6 days left.
            // 50 of 100 = 5,000 bp each: 5,000 * 60 / 30 for the long-dated lot, 5,000 * 6 / 30 for the short one.
            Lot longDated = lot("TUR-ADA", "TUR", "HEB", 100, LocalDate.of(2026, 4, 9), Set.of(), Set.of(), 10, 0.03);
            Lot shortDated = lot("TUR-IST", "TUR", "HEB", 100, LocalDate.of(2026, 2, 14), Set.of(), Set.of(), 10, 0.03);
            MaterialNeed n = need(antakya, "HEB", 100, Priority.HIGH);
            verifier.verifyThat(AllocationConstraintProvider::fefo)
                    .given(chunk(n, 50, supply(longDated, antakya)))
                    .penalizesBy(10_000);
            verifier.verifyThat(AllocationConstraintProvider::fefo)
                    .given(chunk(n, 50, supply(shortDated, antakya)))
                    .penalizesBy(1_000);
        }

        @Test
        void fefoIgnoresNonPerishables() {
            Lot durable = lot("TUR-ADA", "TUR", "TENT", 100);
            MaterialNeed n = need(antakya, "TENT", 100, Priority.HIGH);
            verifier.verifyThat(AllocationConstraintProvider::fefo)
                    .given(chunk(n, 50, supply(durable, antakya)))
                    .penalizesBy(0);
        }
    }
}
