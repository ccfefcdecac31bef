package io.trucewatch.evaluation;

import static io.trucewatch.evaluation.ReportBuilder.report;
import static io.trucewatch.evaluation.SyriaRulesFixture.findingRules;
import static io.trucewatch.evaluation.SyriaRulesFixture.findingsOf;
import static io.trucewatch.evaluation.SyriaRulesFixture.syria;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trucewatch.rulesets.Ruleset;
import io.trucewatch.rulesets.RulesetSnapshot;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every rule of rules/syria-cessation, both sides: a report it must fire on and a near miss it must
 * not fire on. Drools only, no HTTP: the real rules/ and config/ compiled from disk.
 */
class SyriaCessationRulesTest {

    private static final String BATTLES = "Battles";
    private static final String REMOTE = "Explosions/Remote violence";
    private static final String CIVILIAN_VIOLENCE = "Violence against civilians";

    static ReportBuilder barrelBombOnAleppo() {
        return report().on("2016-04-10").event(REMOTE, "Air/drone strike").by("Syrian Arab Army")
                .against("Civilians (Syria)").targetingCivilians().with("barrel bomb").in("Syria", "Aleppo")
                .location("Al-Haidariyah");
    }

    static ReportBuilder russianStrikeOnNusra() {
        return report().on("2016-04-12").event(REMOTE, "Air/drone strike").by("Military Forces of Russia (2000-)")
                .against("Jabhat al-Nusra").with("air strike").in("Syria", "Latakia");
    }

    static void assertFires(String rule, TruceEvaluation evaluation, Verdict verdict) {
        assertTrue(findingRules(evaluation).contains(rule), () -> rule + " should fire; findings: " + evaluation.findings());
        findingsOf(evaluation, rule).forEach(f -> assertEquals(verdict, f.verdict(), f::toString));
        assertFalse(findingsOf(evaluation, rule).get(0).explanation().isBlank());
    }

    static void assertSilent(String rule, TruceEvaluation evaluation) {
        assertFalse(evaluation.firedRules().contains(rule), () -> rule + " must not fire; fired: " + evaluation.firedRules());
    }

    @Nested
    class Scope {

        @Test
        void beforeTheStartInstantIsOutOfScope() {
            TruceEvaluation before = syria(barrelBombOnAleppo().at("2016-02-26T21:30:00Z").build());
            assertFires("before-truce-took-effect", before, Verdict.OUT_OF_SCOPE);
            assertEquals(Verdict.OUT_OF_SCOPE, before.verdict());
            assertEquals(1, before.findings().size(), "nothing else is judged out of scope");

            TruceEvaluation after = syria(barrelBombOnAleppo().at("2016-02-26T22:30:00Z").build());
            assertSilent("before-truce-took-effect", after);
            assertEquals(Verdict.PROBABLE_VIOLATION, after.verdict());
        }

        @Test
        void theStartIsMidnightDamascusTimeNotUtc() {
            assertSilent("before-truce-took-effect", syria(barrelBombOnAleppo().at("2016-02-26T22:00:00Z").build()));
            assertFires("before-truce-took-effect", syria(barrelBombOnAleppo().at("2016-02-26T23:59:59+02:00").build()),
                    Verdict.OUT_OF_SCOPE);
            assertFires("before-truce-took-effect", syria(barrelBombOnAleppo().on("2016-02-26").build()),
                    Verdict.OUT_OF_SCOPE);
            assertSilent("before-truce-took-effect", syria(barrelBombOnAleppo().on("2016-02-27").build()));
        }

        @Test
        void afterTheEndIsOutOfScope() {
            // The February cessation is taken to end on 6 Jul 2016, when the record of the day had it collapsed.
            assertFires("after-truce-ended", syria(barrelBombOnAleppo().on("2016-10-01").build()), Verdict.OUT_OF_SCOPE);
            assertSilent("after-truce-ended", syria(barrelBombOnAleppo().on("2016-04-10").build()));
            Ruleset openEnded = withTruceText("(?s)ends: 2016-07-06T00:00\nend_basis:\n.*?\nscope:", "ends: null\nscope:");
            assertSilent("after-truce-ended", syria(barrelBombOnAleppo().on("2016-10-01").build(), openEnded));
        }

        @Test
        void anotherCountryIsOutOfScope() {
            TruceEvaluation turkey = syria(barrelBombOnAleppo().in("Turkey", "Kilis").location(null).build());
            assertFires("outside-truce-territory", turkey, Verdict.OUT_OF_SCOPE);
            assertSilent("outside-truce-territory", syria(barrelBombOnAleppo().in("SYRIA", "Aleppo").build()));
        }

        @Test
        void aWeekOrMonthSpanningTheStartNeedsReview() {
            TruceEvaluation week = syria(barrelBombOnAleppo().on("2016-02-27").precision(2).build());
            assertFires("date-straddles-truce-start", week, Verdict.NEEDS_REVIEW);
            assertEquals(Verdict.NEEDS_REVIEW, week.verdict(), "no substantive rule may decide it");
            assertSilent("indiscriminate-weapon-on-civilians", week);
            assertFires("date-straddles-truce-start", syria(barrelBombOnAleppo().on("2016-02-10").precision(3).build()),
                    Verdict.NEEDS_REVIEW);
            assertSilent("date-straddles-truce-start", syria(barrelBombOnAleppo().on("2016-03-15").precision(2).build()));
            assertSilent("date-straddles-truce-start", syria(barrelBombOnAleppo().on("2016-03-15").precision(3).build()));
        }

        @Test
        void aPlaceThatCannotBePlacedNeedsReview() {
            TruceEvaluation nowhere = syria(barrelBombOnAleppo().in(null, "Atlantis").location(null).build());
            assertFires("place-not-located", nowhere, Verdict.NEEDS_REVIEW);
            TruceEvaluation byGovernorate = syria(barrelBombOnAleppo().in(null, "Halab").build());
            assertSilent("place-not-located", byGovernorate);
            assertEquals(Verdict.PROBABLE_VIOLATION, byGovernorate.verdict());
            TruceEvaluation byPoint = syria(barrelBombOnAleppo().in(null, null).location(null).point(36.228, 37.183).build());
            assertSilent("place-not-located", byPoint);
        }

        @Test
        void nonHostileEventsAreNotViolations() {
            TruceEvaluation protest = syria(report().on("2016-03-04").event("Protests", "Peaceful protest")
                    .by("Protesters (Syria)").in("Syria", "Idleb").build());
            assertFires("non-hostile-event", protest, Verdict.NOT_A_VIOLATION);
            assertEquals(Verdict.NOT_A_VIOLATION, protest.verdict());
            assertSilent("hostile-act", protest);
            assertSilent("non-hostile-event", syria(barrelBombOnAleppo().build()));
        }

        @Test
        void hostilitiesNoTermDecidesNeedReview() {
            TruceEvaluation undecided = syria(report().on("2016-04-01").event(REMOTE, "Shelling/artillery/missile attack")
                    .by("Military Forces of Turkey (2002-)").in("Syria", "Aleppo").location("Al-Haidariyah").build());
            assertFires("hostile-act-undecided", undecided, Verdict.NEEDS_REVIEW);
            assertSilent("hostile-act-undecided", syria(barrelBombOnAleppo().build()));
        }

        @Test
        void hostilitiesOnGroundTheMapDoesNotPlaceSaySo() {
            // A bound party's strike on a hamlet no map knows: who held it is the open question.
            TruceEvaluation unplaced = syria(report().on("2016-04-01").event(REMOTE, "Shelling/artillery/missile attack")
                    .by("Syrian Arab Army").with("artillery").in("Syria", "Dar'a").location("Khirbat Qaryat al-Majhula").build());
            assertFires("hostile-act-on-unplaced-ground", unplaced, Verdict.NEEDS_REVIEW);
            assertSilent("hostile-act-undecided", unplaced);
            assertTrue(findingsOf(unplaced, "hostile-act-on-unplaced-ground").get(0).explanation()
                    .contains("'Khirbat Qaryat al-Majhula' (Dar'a)"));
            // The same act on a placed district is judged by the truce's own rules, not this one.
            assertSilent("hostile-act-on-unplaced-ground", syria(report().on("2016-04-01")
                    .event(REMOTE, "Shelling/artillery/missile attack").by("Syrian Arab Army").with("artillery")
                    .in("Syria", "Aleppo").location("Al-Haidariyah").build()));
            // Placed ground, actors no term decides: the other last word, which names the actors as the gap.
            TruceEvaluation placedUndecided = syria(report().on("2016-04-01").event(REMOTE, "Shelling/artillery/missile attack")
                    .by("Military Forces of Turkey (2002-)").in("Syria", "Aleppo").location("Al-Haidariyah").build());
            assertFires("hostile-act-undecided", placedUndecided, Verdict.NEEDS_REVIEW);
            assertSilent("hostile-act-on-unplaced-ground", placedUndecided);
        }

        @Test
        void markersOnlyInsideScope() {
            TruceEvaluation inside = syria(barrelBombOnAleppo().build());
            assertTrue(inside.firedRules().containsAll(List.of("inside-truce-scope", "hostile-act")));
            TruceEvaluation outside = syria(barrelBombOnAleppo().on("2016-02-01").build());
            assertSilent("inside-truce-scope", outside);
            assertSilent("hostile-act", outside);
        }

        /** The rules with the February cessation's file changed: every match of {@code pattern} replaced by {@code to}. */
        private Ruleset withTruceText(String pattern, String to) {
            Map<String, String> files = new TreeMap<>(SyriaRulesFixture.snapshot().files());
            files.computeIfPresent("config/truces/syria-coh-2016.yaml", (path, text) -> {
                assertTrue(java.util.regex.Pattern.compile(pattern).matcher(text).find(), "not in the file: " + pattern);
                return text.replaceAll(pattern, to);
            });
            return Ruleset.compile(new RulesetSnapshot(files));
        }
    }

    @Nested
    class ExcludedGroups {

        @Test
        void actsByAnExcludedGroupAreNotViolations() {
            TruceEvaluation isRetakesRai = syria(report().on("2016-04-11")
                    .event(BATTLES, "Non-state actor overtakes territory").by("Islamic State (Syria)")
                    .against("rebels").in("Syria", "Aleppo").location("Al-Rai").build());
            assertFires("act-by-excluded-group", isRetakesRai, Verdict.NOT_A_VIOLATION);
            assertEquals(Verdict.NOT_A_VIOLATION, isRetakesRai.verdict());
            assertSilent("act-by-excluded-group", syria(barrelBombOnAleppo().build()));
        }

        @Test
        void exemptAttackersMayStrikeExcludedGroups() {
            TruceEvaluation russia = syria(russianStrikeOnNusra().build());
            assertFires("exempt-action-against-excluded-group", russia, Verdict.NOT_A_VIOLATION);
            assertEquals(Verdict.NOT_A_VIOLATION, russia.verdict());
            TruceEvaluation hezbollah = syria(russianStrikeOnNusra().by("Hezbollah").build());
            assertSilent("exempt-action-against-excluded-group", hezbollah);
        }

        @Test
        void othersActingAgainstExcludedGroupsAreNotViolations() {
            TruceEvaluation rebelsTakeRai = syria(report().on("2016-04-07")
                    .event(BATTLES, "Non-state actor overtakes territory").by("Free Syrian Army")
                    .against("ISIS").in("Syria", "Aleppo").location("Al-Rai").build());
            assertFires("action-against-excluded-group", rebelsTakeRai, Verdict.NOT_A_VIOLATION);
            assertEquals(Verdict.NOT_A_VIOLATION, rebelsTakeRai.verdict());
            assertSilent("action-against-excluded-group", syria(russianStrikeOnNusra().build()));
        }

        @Test
        void aPartyFightingBesideAnExcludedGroupNeedsReview() {
            TruceEvaluation latakiaHilltop = syria(report().on("2016-04-11")
                    .event(BATTLES, "Non-state actor overtakes territory").by("Al-Nusra Front")
                    .besideActor1("Free Syrian Army").against("regime forces").in("Syria", "Latakia").build());
            assertFires("party-fighting-beside-excluded-group", latakiaHilltop, Verdict.NEEDS_REVIEW);
            assertEquals(Verdict.NEEDS_REVIEW, latakiaHilltop.verdict());
            TruceEvaluation nusraAlone = syria(report().on("2016-04-11")
                    .event(BATTLES, "Non-state actor overtakes territory").by("Al-Nusra Front")
                    .against("regime forces").in("Syria", "Latakia").build());
            assertSilent("party-fighting-beside-excluded-group", nusraAlone);
        }

        @Test
        void aStrikeOnAnExcludedGroupInAPlaceHeldByAPartyNeedsReview() {
            TruceEvaluation eastAleppo = syria(russianStrikeOnNusra().in("Syria", "Aleppo").location("Al-Haidariyah").build());
            assertFires("strike-on-excluded-group-in-party-held-place", eastAleppo, Verdict.NEEDS_REVIEW);
            assertEquals(Verdict.NEEDS_REVIEW, eastAleppo.verdict());
            assertSilent("strike-on-excluded-group-in-party-held-place", syria(russianStrikeOnNusra().build()));
        }

        @Test
        void anUnattributedAirStrikeOnGroundAnExcludedGroupAloneHeldNamesWhoMayHaveFlownIt() {
            ReportBuilder raidsOnRaqqa = report().on("2016-03-20").event(REMOTE, "Air/drone strike").by("unidentified aircraft")
                    .with("air raids").in("Syria", "Raqqa").location("Raqqa");
            TruceEvaluation raqqa = syria(raidsOnRaqqa.build());
            assertFires("unattributed-air-strike-on-excluded-ground", raqqa, Verdict.NOT_A_VIOLATION);
            assertEquals(Verdict.NOT_A_VIOLATION, raqqa.verdict());
            String why = findingsOf(raqqa, "unattributed-air-strike-on-excluded-ground").get(0).explanation();
            assertTrue(why.contains("Ar-Raqqa") && why.contains("Russian Federation") && why.contains("exempt"), why);
            assertFalse(why.contains("Turkey"), () -> "Turkish jets struck only in the Aleppo countryside, from Aug 2016: " + why);

            // Not an air strike, civilians named, or on ground a party held: who did it decides.
            assertSilent("unattributed-air-strike-on-excluded-ground",
                    syria(raidsOnRaqqa.event(REMOTE, "Shelling/artillery/missile attack").with("artillery").build()));
            raidsOnRaqqa.event(REMOTE, "Air/drone strike").with("air raids");
            TruceEvaluation civilians = syria(raidsOnRaqqa.against("Civilians (Syria)").build());
            assertSilent("unattributed-air-strike-on-excluded-ground", civilians);
            assertEquals(Verdict.NEEDS_REVIEW, civilians.verdict());
            assertSilent("unattributed-air-strike-on-excluded-ground",
                    syria(raidsOnRaqqa.against(null).in("Syria", "Rural Damascus").location("Douma").build()));
        }

        @Test
        void theAirForcesNamedAreThoseOfThePlaceAndDayWithTheirStandingTowardsThisTruce() {
            // Al-Bab, IS-held, 14 Sep 2016, under the September cessation: Turkish jets struck in the
            // Aleppo countryside from 24 Aug 2016, and the cessation does not bind Turkey.
            TruceEvaluation alBab = Evaluator.evaluate(report().on("2016-09-14").event(REMOTE, "Air/drone strike")
                    .by("unidentified aircraft").with("air raids").in("Syria", "Aleppo").location("Al Bab").build(),
                    SyriaRulesFixture.ruleset(), "syria-coh-2016-09");
            assertFires("unattributed-air-strike-on-excluded-ground", alBab, Verdict.NOT_A_VIOLATION);
            String why = findingsOf(alBab, "unattributed-air-strike-on-excluded-ground").get(0).explanation();
            assertTrue(why.contains("Military Forces of Turkey") && why.contains("not bound by this truce"), why);
        }

        @Test
        void groundOfAnActorWithDisputedStandingSaysWhyItIsDisputed() {
            // The Bab al-Hawa crossing, held by Ahrar al-Sham, whose standing under the December ceasefire the
            // record leaves open (config/truces/syria-ceasefire-2016-12.yaml, disputed, with no `ground`): the
            // finding gives the truce's reason.
            TruceEvaluation january = Evaluator.evaluate(report().on("2017-01-10").event(REMOTE,
                    "Shelling/artillery/missile attack").by("Syrian regime forces").with("artillery")
                    .in("Syria", "Idleb").location("Bab al-Hawa crossing").build(), SyriaRulesFixture.ruleset(), "syria-ceasefire-2016-12");
            assertFires("act-on-contested-ground", january, Verdict.NEEDS_REVIEW);
            String why = findingsOf(january, "act-on-contested-ground").get(0).explanation();
            assertTrue(why.contains("Ahrar al-Sham's standing towards this truce is disputed: Russia's defence ministry"), why);
        }

        @Test
        void groundOfADisputedActorThatMonitorsCountedIsItsSidesGround() {
            // Douma, held by Jaish al-Islam, whose standing under the September arrangement is disputed but whose
            // ground SOHR, SNHR and the US counted (the disputed term's `ground`): the government's shelling of it
            // is a strike on the other side's ground, and the finding says why.
            TruceEvaluation september = Evaluator.evaluate(report().on("2016-09-14").event(REMOTE,
                    "Shelling/artillery/missile attack").by("Syrian regime forces").with("mortar shells")
                    .in("Syria", "Rural Damascus").location("Douma").build(), SyriaRulesFixture.ruleset(), "syria-coh-2016-09");
            assertSilent("act-on-contested-ground", september);
            assertFires("attack-on-place-held-by-other-party", september, Verdict.PROBABLE_VIOLATION);
            String why = findingsOf(september, "attack-on-place-held-by-other-party").get(0).explanation();
            assertTrue(why.contains("Jaish al-Islam's own standing towards this truce is disputed, but monitors counted attacks"),
                    why);
            // Its own shelling stays for a person: its standing as an actor is still disputed.
            TruceEvaluation itsOwn = Evaluator.evaluate(report().on("2016-09-14").event(REMOTE,
                    "Shelling/artillery/missile attack").by("Jaish al-Islam").with("mortar shells")
                    .in("Syria", "Damascus").location("Abbasiyyin").build(), SyriaRulesFixture.ruleset(), "syria-coh-2016-09");
            assertFires("act-by-party-of-disputed-standing", itsOwn, Verdict.NEEDS_REVIEW);
            assertEquals(Verdict.NEEDS_REVIEW, itsOwn.verdict());
            // The same shelling of Douma under the February cessation: Jaish al-Islam a party, no dispute to explain.
            TruceEvaluation march = syria(report().on("2016-03-14").event(REMOTE, "Shelling/artillery/missile attack")
                    .by("Syrian regime forces").with("mortar shells").in("Syria", "Rural Damascus").location("Douma").build());
            assertSilent("act-on-contested-ground", march);
            march.findings().forEach(f -> assertFalse(f.explanation().contains("standing towards this truce is disputed"),
                    f::explanation));
        }

        @Test
        void anAttackOnAMixedCoalitionOrItsGroundNeedsReview() {
            TruceEvaluation idlib = syria(russianStrikeOnNusra().in("Syria", "Idleb").build());
            assertFires("attack-on-mixed-coalition", idlib, Verdict.NEEDS_REVIEW);
            TruceEvaluation onCoalition = syria(russianStrikeOnNusra().against("Jaish al-Fatah").build());
            assertFires("attack-on-mixed-coalition", onCoalition, Verdict.NEEDS_REVIEW);
            assertSilent("attack-on-mixed-coalition", syria(russianStrikeOnNusra().build()));
        }
    }

    @Nested
    class Attacks {

        @Test
        void indiscriminateWeaponsOnCiviliansAreProbableViolations() {
            TruceEvaluation barrel = syria(barrelBombOnAleppo().build());
            assertFires("indiscriminate-weapon-on-civilians", barrel, Verdict.PROBABLE_VIOLATION);
            assertEquals(List.of("Government of Syria"), barrel.violatingParties());
            assertSilent("indiscriminate-weapon-on-civilians", syria(barrelBombOnAleppo().with("small arms").build()));
        }

        @Test
        void attacksOnCiviliansByAPartyAreProbableViolations() {
            TruceEvaluation shooting = syria(barrelBombOnAleppo().event(CIVILIAN_VIOLENCE, "Attack").with("small arms").build());
            assertFires("attack-on-civilians", shooting, Verdict.PROBABLE_VIOLATION);
            TruceEvaluation byIslamicState = syria(barrelBombOnAleppo().by("Daesh").with("small arms").build());
            assertSilent("attack-on-civilians", byIslamicState);
            assertEquals(Verdict.NOT_A_VIOLATION, byIslamicState.verdict());
        }

        @Test
        void attacksOnAPartyOfTheOtherSideAreProbableViolations() {
            TruceEvaluation mortars = syria(report().on("2016-04-05").event(REMOTE, "Shelling/artillery/missile attack")
                    .by("FSA").against("SAA").with("mortar").in("Syria", "Hama").build());
            assertFires("attack-on-other-party", mortars, Verdict.PROBABLE_VIOLATION);
            assertEquals(List.of("Free Syrian Army factions"), mortars.violatingParties());
            TruceEvaluation sameSide = syria(report().on("2016-04-05").event(REMOTE, "Shelling/artillery/missile attack")
                    .by("Jaish al-Islam").against("FSA").with("mortar").in("Syria", "Rural Damascus").build());
            assertSilent("attack-on-other-party", sameSide);
        }

        @Test
        void strikesOnGroundHeldByTheOtherSideAreProbableViolations() {
            TruceEvaluation rockets = syria(report().on("2016-04-12").event(REMOTE, "Shelling/artillery/missile attack")
                    .by("rebels").with("rocket").in("Syria", "Aleppo").location("New Aleppo").build());
            assertFires("attack-on-place-held-by-other-party", rockets, Verdict.PROBABLE_VIOLATION);
            assertEquals(List.of("Armed opposition (HNC-affiliated factions)"), rockets.violatingParties());
            TruceEvaluation ownGround = syria(report().on("2016-04-12").event(REMOTE, "Shelling/artillery/missile attack")
                    .by("SAA").with("artillery").in("Syria", "Aleppo").location("New Aleppo").build());
            assertSilent("attack-on-place-held-by-other-party", ownGround);
        }
    }

    @Nested
    class Territory {

        @Test
        void takingGroundFromAPartyOfTheOtherSideIsAProbableViolation() {
            TruceEvaluation advance = syria(report().on("2016-04-02").event(BATTLES, "Non-state actor overtakes territory")
                    .by("Jaish al-Islam").against("Syrian Arab Army").in("Syria", "Rural Damascus").build());
            assertFires("seizing-territory-from-other-party", advance, Verdict.PROBABLE_VIOLATION);
            assertEquals(List.of("Jaish al-Islam"), advance.violatingParties());
            TruceEvaluation fromIslamicState = syria(report().on("2016-04-07")
                    .event(BATTLES, "Non-state actor overtakes territory").by("Free Syrian Army").against("ISIS")
                    .in("Syria", "Aleppo").location("Al-Rai").build());
            assertSilent("seizing-territory-from-other-party", fromIslamicState);
        }

        @Test
        void theGroundItselfCanShowWhoHeldIt() {
            TruceEvaluation palmyraAfterRecapture = syria(report().on("2016-04-20")
                    .event(BATTLES, "Non-state actor overtakes territory").by("Free Syrian Army")
                    .in("Syria", "Homs").location("Palmyra").build());
            assertFires("seizing-territory-from-other-party", palmyraAfterRecapture, Verdict.PROBABLE_VIOLATION);
            TruceEvaluation palmyraUnderIslamicState = syria(report().on("2016-03-20")
                    .event(BATTLES, "Non-state actor overtakes territory").by("Free Syrian Army")
                    .in("Syria", "Homs").location("Palmyra").build());
            assertSilent("seizing-territory-from-other-party", palmyraUnderIslamicState);
        }
    }

    @Nested
    class Attribution {

        @Test
        void aClashBetweenPartiesWithNoKnownInitiatorNeedsReview() {
            TruceEvaluation clash = syria(report().on("2016-04-10").event(BATTLES, "Armed clash").by("pro-government forces")
                    .against("FSA").in("Syria", "Aleppo").build());
            assertFires("armed-clash-initiator-unknown", clash, Verdict.NEEDS_REVIEW);
            TruceEvaluation withIslamicState = syria(report().on("2016-04-10").event(BATTLES, "Armed clash")
                    .by("pro-government forces").against("ISIL").in("Syria", "Aleppo").build());
            assertSilent("armed-clash-initiator-unknown", withIslamicState);
        }

        @Test
        void anUnresolvedActorNeedsReview() {
            TruceEvaluation unknown = syria(barrelBombOnAleppo().by("Brigade of the Unknown Soldier").build());
            assertFires("unresolved-actor", unknown, Verdict.NEEDS_REVIEW);
            assertEquals(Verdict.NEEDS_REVIEW, unknown.verdict());
            TruceEvaluation excludedActor = syria(barrelBombOnAleppo().by("ISIS").against("Brigade of the Unknown Soldier").build());
            assertSilent("unresolved-actor", excludedActor);
        }

        @Test
        void anUnidentifiedPerpetratorNeedsReview() {
            TruceEvaluation unidentified = syria(barrelBombOnAleppo().by("Unidentified Armed Group (Syria)").with("ied").build());
            assertFires("perpetrator-unidentified", unidentified, Verdict.NEEDS_REVIEW);
            assertSilent("perpetrator-unidentified", syria(barrelBombOnAleppo().build()));
        }

        @Test
        void aPartyOfDisputedStandingNeedsReview() {
            TruceEvaluation ahrar = syria(report().on("2016-04-03").event(REMOTE, "Shelling/artillery/missile attack")
                    .by("Ahrar al-Sham").against("SAA").in("Syria", "Hama").build());
            assertFires("act-by-party-of-disputed-standing", ahrar, Verdict.NEEDS_REVIEW);
            TruceEvaluation againstIslamicState = syria(report().on("2016-04-03").event(BATTLES, "Armed clash")
                    .by("Ahrar al-Sham").against("Islamic State").in("Syria", "Aleppo").build());
            assertSilent("act-by-party-of-disputed-standing", againstIslamicState);
        }

        @Test
        void aNonPartyAttackingAPartyNeedsReview() {
            TruceEvaluation turkeyOnYpg = syria(report().on("2016-02-28").event(REMOTE, "Shelling/artillery/missile attack")
                    .by("Turkish army").against("YPG").with("artillery").in("Syria", "Aleppo").admin2("Afrin").build());
            assertFires("non-party-attack-on-party", turkeyOnYpg, Verdict.NEEDS_REVIEW);
            TruceEvaluation turkeyOnIslamicState = syria(report().on("2016-04-11").event(REMOTE, "Shelling/artillery/missile attack")
                    .by("Turkish army").against("Islamic State").with("artillery").in("Syria", "Aleppo").location("Al-Rai").build());
            assertSilent("non-party-attack-on-party", turkeyOnIslamicState);
        }
    }
}
