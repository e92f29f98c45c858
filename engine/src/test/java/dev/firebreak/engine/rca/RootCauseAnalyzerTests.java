package dev.firebreak.engine.rca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RootCauseAnalyzerTests {

    private final RootCauseAnalyzer analyzer = RootCauseAnalyzer.ofDefaults();

    /** The diagnosis's cause for a component (every node of the graph is ranked). */
    private static Cause causeOf(Diagnosis diagnosis, String component) {
        return diagnosis.causes().get(diagnosis.rankOf(component) - 1);
    }

    /** gateway -> api -> db, the fault in db: each caller slows a second after its callee. */
    private static RcaCase chain() {
        return new RcaCase().node("gateway").node("api").node("db").node("cache")
                .calls("gateway", "api").calls("api", "db").calls("api", "cache")
                .step("db", RcaCase.LATENCY, 600, 400)
                .step("api", RcaCase.LATENCY, 601, 420)
                .step("gateway", RcaCase.LATENCY, 602, 430);
    }

    @Test
    void deepestAnomalousCalleeOfAChainIsRankedFirstWithItsPathAndWhatMovedFirst() {
        Diagnosis diagnosis = analyzer.analyze(chain().input("gateway", RcaCase.LATENCY));

        Cause top = diagnosis.top().orElseThrow();
        assertThat(top.component()).isEqualTo("db");
        assertThat(top.kind()).isEqualTo("latency in its own handling");
        assertThat(top.path()).containsExactly("gateway", "api", "db");
        assertThat(top.onset()).contains(java.time.Instant.ofEpochSecond(600));
        assertThat(top.evidence()).anySatisfy(e -> assertThat(e).startsWith("LATENCY_P99 moved first at 1970-01-01T00:10:00Z"));
        assertThat(top.evidence()).anySatisfy(e -> assertThat(e).contains("gateway -> api -> db"));
        assertThat(diagnosis.rankOf("api")).isEqualTo(2);
        assertThat(diagnosis.rankOf("cache")).isGreaterThan(2);
    }

    @Test
    void aSmallUnusualWobbleInACalleeDoesNotExplainItsCallersLargeSlowdown() {
        // db's 10 ms is five times its noise, and comes first, but api got 400 ms slower: that is api's own
        RcaCase wobble = new RcaCase().node("gateway").node("api").node("db")
                .calls("gateway", "api").calls("api", "db")
                .step("db", RcaCase.LATENCY, 600, 10)
                .step("api", RcaCase.LATENCY, 601, 400)
                .step("gateway", RcaCase.LATENCY, 602, 410);

        Diagnosis diagnosis = analyzer.analyze(wobble.input("gateway", RcaCase.LATENCY));

        assertThat(diagnosis.top().orElseThrow().component()).isEqualTo("api");
        assertThat(diagnosis.top().orElseThrow().kind()).isEqualTo("latency in its own handling");
    }

    @Test
    void aServiceMeasuringItsOwnSlownessOutranksTheUninstrumentedFrontItsCallerAlsoSawSlowDown() {
        // checkout reaches search both directly and through a load balancer's address that sends no telemetry: the
        // front looks worse (the caller's clock adds the network), but search says from inside where the time goes
        RcaCase front = new RcaCase().node("checkout").node("search").node("search-lb").node("stock")
                .observedOnly("search-lb")
                .calls("checkout", "search").calls("checkout", "search-lb").calls("checkout", "stock")
                .step("search", RcaCase.LATENCY, 600, 400).step("search-lb", RcaCase.LATENCY, 600, 600)
                .step("checkout", RcaCase.LATENCY, 601, 450);

        Diagnosis diagnosis = analyzer.analyze(front.input("checkout", RcaCase.LATENCY));

        assertThat(diagnosis.top().orElseThrow().component()).isEqualTo("search");
        Cause lb = causeOf(diagnosis, "search-lb");
        assertThat(lb.evidence()).anySatisfy(e -> assertThat(e).contains("search").contains("measures it from inside"));
    }

    @Test
    void anUninstrumentedThirdPartyThatAloneSlowedDownIsStillRankedFirst() {
        RcaCase external = new RcaCase().node("checkout").node("card-api").node("stock")
                .observedOnly("card-api")
                .calls("checkout", "card-api").calls("checkout", "stock")
                .step("card-api", RcaCase.LATENCY, 600, 800).step("checkout", RcaCase.LATENCY, 601, 790);

        Diagnosis diagnosis = analyzer.analyze(external.input("checkout", RcaCase.LATENCY));

        assertThat(diagnosis.top().orElseThrow().component()).isEqualTo("card-api");
    }

    @Test
    void ofTwoCalleesThatSlowedTogetherTheOneAlsoExplainingAnotherSufferingCallerRanksFirst() {
        // mobile is not in the incident, but it suffers too and calls only shared: one fault explains both, though own
        // moved first. Twelve
        // other callees of web wobble later, as a busy system's do, and crowd the count of what moved.
        RcaCase shared = new RcaCase().node("web").node("mobile").node("own").node("shared")
                .calls("web", "own").calls("web", "shared").calls("mobile", "shared")
                .step("own", RcaCase.LATENCY, 600, 450).step("shared", RcaCase.LATENCY, 603, 400)
                .step("web", RcaCase.LATENCY, 601, 460).step("mobile", RcaCase.LATENCY, 604, 400);
        for (int i = 1; i <= 12; i++) {
            String busy = "busy-" + i;
            shared.node(busy).calls("web", busy).step(busy, RcaCase.LATENCY, 650, 30);
        }

        Diagnosis diagnosis = analyzer.analyze(shared.input("web", RcaCase.LATENCY));

        assertThat(diagnosis.top().orElseThrow().component()).isEqualTo("shared");
    }

    @Test
    void whenNothingMovedBeyondNoiseTheNodeTheIncidentStartedOnLeadsAndTheNotesSaySo() {
        // detection flagged api (its own, lower bar); against this normal period nothing stands out anywhere
        RcaCase quiet = new RcaCase().node("gateway").node("api").node("db").node("cache")
                .calls("gateway", "api").calls("api", "db").calls("api", "cache")
                .step("api", RcaCase.ERRORS, 600, 0.15);

        Diagnosis diagnosis = analyzer.analyze(quiet.input("api", RcaCase.ERRORS));

        assertThat(diagnosis.top().orElseThrow().component()).isEqualTo("api");
        assertThat(diagnosis.notes()).anySatisfy(n -> assertThat(n).contains("api, where the incident started, leads"));
    }

    @Test
    void everyNodeIsRankedAndConfidencesStayInTheUnitInterval() {
        Diagnosis diagnosis = analyzer.analyze(chain().input("gateway", RcaCase.LATENCY));

        assertThat(diagnosis.causes()).extracting(Cause::component)
                .containsExactlyInAnyOrder("gateway", "api", "db", "cache");
        assertThat(diagnosis.causes()).allSatisfy(c -> assertThat(c.confidence()).isBetween(0.0, 1.0));
        assertThat(diagnosis.top().orElseThrow().confidence()).isGreaterThan(diagnosis.causes().get(1).confidence());
    }

    @Test
    void twoSimultaneousIndependentFaultsGiveEachSymptomItsOwnCause() {
        RcaCase twoFaults = new RcaCase().node("shop").node("cart").node("cart-db").node("search").node("index")
                .calls("shop", "cart").calls("cart", "cart-db").calls("search", "index")
                .step("cart-db", RcaCase.ERRORS, 600, 20).step("cart", RcaCase.ERRORS, 601, 20)
                .step("shop", RcaCase.ERRORS, 602, 20)
                .step("index", RcaCase.LATENCY, 600, 300).step("search", RcaCase.LATENCY, 601, 310);

        Diagnosis shopIncident = analyzer.analyze(twoFaults.input("shop", RcaCase.ERRORS));
        Diagnosis searchIncident = analyzer.analyze(twoFaults.input("search", RcaCase.LATENCY));

        assertThat(shopIncident.top().orElseThrow().component()).isEqualTo("cart-db");
        assertThat(searchIncident.top().orElseThrow().component()).isEqualTo("index");
        // neither incident blames the other's fault: it is not below its symptom
        assertThat(shopIncident.rankOf("index")).isGreaterThan(3);
        assertThat(searchIncident.rankOf("cart-db")).isGreaterThan(2);
    }

    @ParameterizedTest(name = "it reports its own error rate: {0}")
    @ValueSource(booleans = {true, false})
    void causeQuietOnItsOwnMetricsButFailingEveryCallersCallsToItIsRankedFirst(boolean reportsErrors) {
        RcaCase quietCause = new RcaCase().node("web").node("mobile").node("ledger").node("web-cache").node("mobile-cache")
                .calls("web", "ledger").calls("mobile", "ledger").calls("web", "web-cache").calls("mobile", "mobile-cache")
                .callStep("web", "ledger", RcaCase.ERRORS, 0.5, 600, 30)
                .callStep("mobile", "ledger", RcaCase.ERRORS, 0.5, 600, 30)
                .step("web", RcaCase.ERRORS, 601, 15).step("mobile", RcaCase.ERRORS, 601, 15);
        if (!reportsErrors) {
            quietCause.without("ledger", RcaCase.ERRORS);
        }

        Diagnosis diagnosis = analyzer.analyze(quietCause.input("web", RcaCase.ERRORS, "mobile"));

        Cause top = diagnosis.top().orElseThrow();
        assertThat(top.component()).isEqualTo("ledger");
        assertThat(top.evidence()).anySatisfy(e -> assertThat(e).startsWith("calls from "));
        // answering what reached it as before, the calls were lost at its end; without its own word, it is failing them
        assertThat(top.kind()).isEqualTo(reportsErrors ? Cause.LOST_AT_ITS_END_KIND : "dependency failing: calls to it fail");
    }

    @Test
    void withDetectionsFlagsOnlyWhatAFlagPointsAtIsReadAndThePathToAFlaggedCauseStaysWhole() {
        // gateway -> api -> orders -> db (flagged) and api -> cache; gateway -> search -> index: nothing flagged there
        RcaCase flaggedDeep = new RcaCase().node("gateway").node("api").node("orders").node("db").node("cache")
                .node("search").node("index")
                .calls("gateway", "api").calls("api", "orders").calls("orders", "db").calls("api", "cache")
                .calls("gateway", "search").calls("search", "index")
                .step("db", RcaCase.LATENCY, 600, 400).step("orders", RcaCase.LATENCY, 601, 410)
                .step("api", RcaCase.LATENCY, 602, 420).step("gateway", RcaCase.LATENCY, 603, 430)
                .flagged("gateway", "db");

        Diagnosis diagnosis = analyzer.analyze(flaggedDeep.input("gateway", RcaCase.LATENCY));

        Cause top = diagnosis.top().orElseThrow();
        assertThat(top.component()).isEqualTo("db");
        assertThat(top.path()).as("api and orders are not flagged but lie between the symptom and db")
                .containsExactly("gateway", "api", "orders", "db");
        assertThat(diagnosis.causes()).filteredOn(c -> c.component().equals("search")).singleElement()
                .as("a callee of the flagged symptom is read").satisfies(c -> assertThat(c.kind())
                        .isNotEqualTo("nothing detection flagged points at it"));
        assertThat(diagnosis.causes().subList(5, 7)).as("index: nothing flagged calls it or lies below it; cache: its"
                + " caller api is not flagged").extracting(Cause::component, Cause::kind).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("cache", "nothing detection flagged points at it"),
                        org.assertj.core.groups.Tuple.tuple("index", "nothing detection flagged points at it"));
        assertThat(diagnosis.notes()).contains("2 of 7 candidate components were not read: detection flagged none of"
                + " them, and none is on a call path to one it flagged");
    }

    @Test
    void withoutDetectionsFlagsEveryComponentBelowTheSymptomIsRead() {
        RcaCase unflagged = chain().node("search").node("index").calls("gateway", "search").calls("search", "index");

        Diagnosis diagnosis = analyzer.analyze(unflagged.input("gateway", RcaCase.LATENCY));

        assertThat(diagnosis.causes()).hasSize(6)
                .noneMatch(c -> c.kind().equals("nothing detection flagged points at it"));
        assertThat(diagnosis.notes()).noneMatch(n -> n.contains("were not read"));
    }

    @Test
    void aCalleeQuietOnItsOwnMetricsIsReadWhenOnlyItsFailingCallersWereFlagged() {
        // edge -> web, mobile -> ledger: the incident is at edge; detection flagged web and mobile, not ledger
        RcaCase quietCause = new RcaCase().node("edge").node("web").node("mobile").node("ledger").node("web-cache")
                .node("mobile-cache").calls("edge", "web").calls("edge", "mobile")
                .calls("web", "ledger").calls("mobile", "ledger").calls("web", "web-cache").calls("mobile", "mobile-cache")
                .callStep("web", "ledger", RcaCase.ERRORS, 0.5, 600, 30)
                .callStep("mobile", "ledger", RcaCase.ERRORS, 0.5, 600, 30)
                .step("web", RcaCase.ERRORS, 601, 15).step("mobile", RcaCase.ERRORS, 601, 15)
                .step("edge", RcaCase.ERRORS, 602, 15)
                .flagged("edge", "web", "mobile");

        Diagnosis diagnosis = analyzer.analyze(quietCause.input("edge", RcaCase.ERRORS));

        assertThat(diagnosis.top().orElseThrow().component()).isEqualTo("ledger");
    }

    /** web -> cart: cart's memory moves at second 600 and nothing else does. */
    private static RcaCase memoryAtCart() {
        return new RcaCase().node("web").node("cart").calls("web", "cart").memory("web", 40).memory("cart", 40);
    }

    @Test
    void memoryThatKeepsClimbingAfterItMovedIsNamedStillRising() {
        // a leak of 2 points a minute
        RcaCase leak = memoryAtCart().ramp("cart", RcaCase.MEMORY, 600, 2.0 / 60);

        Cause top = analyzer.analyze(leak.input("cart", RcaCase.MEMORY)).top().orElseThrow();

        assertThat(top.component()).isEqualTo("cart");
        assertThat(top.kind()).isEqualTo("resource exhaustion: memory, still rising");
    }

    @Test
    void memoryClimbingWithTheNodesOwnLatencyBelowSaturationIsNotTakenForALeak() {
        // a bandwidth limit: cart slows down at 600 and holds more work at once, so its memory climbs with its latency
        RcaCase slower = memoryAtCart().ramp("cart", RcaCase.MEMORY, 600, 2.0 / 60).step("cart", RcaCase.LATENCY, 600, 40);

        Cause top = analyzer.analyze(slower.input("cart", RcaCase.LATENCY)).top().orElseThrow();

        assertThat(top.component()).isEqualTo("cart");
        assertThat(top.kind()).doesNotEndWith("still rising");
    }

    @Test
    void memoryThatSteppedUpAndHoldsIsNotTakenForALeak() {
        RcaCase pressure = memoryAtCart().step("cart", RcaCase.MEMORY, 600, 4);

        Cause top = analyzer.analyze(pressure.input("cart", RcaCase.MEMORY)).top().orElseThrow();

        assertThat(top.component()).isEqualTo("cart");
        assertThat(top.kind()).isEqualTo("resource exhaustion: memory, stepped up and holding");
    }

    @Test
    void aLeakRestartedOnceAndClimbingAgainIsStillRisingNotHolding() {
        // a leak from second 600, its process restarted at 660 (memory back where it was), climbing again after
        RcaCase restarted = memoryAtCart().ramp("cart", RcaCase.MEMORY, 600, 6.0 / 60).step("cart", RcaCase.MEMORY, 660, -6);

        Cause top = analyzer.analyze(restarted.input("cart", RcaCase.MEMORY)).top().orElseThrow();

        assertThat(top.component()).isEqualTo("cart");
        assertThat(top.kind()).isEqualTo("resource exhaustion: memory, still rising");
    }

    @Test
    void aMemoryRiseTooYoungToShowItsShapeStaysUnqualified() {
        // the anomalous period ends 10 samples after the onset: fewer than a shape needs
        RcaCase young = memoryAtCart().step("cart", RcaCase.MEMORY, 600, 4);
        RcaInput full = young.input("cart", RcaCase.MEMORY);
        RcaInput early = new RcaInput(full.graph(), full.times(), full.series(), full.metrics(), full.normal(),
                new Period(RcaCase.NORMAL, RcaCase.NORMAL + 10), full.symptom(), full.affected(), full.changes(),
                full.past());

        assertThat(analyzer.analyze(early).top().orElseThrow().kind()).isEqualTo("resource exhaustion: memory");
    }

    /** web calls cache; at second 600 cache's CPU steps from 40 % by {@code cpuBy} points and its errors rise with it. */
    private static RcaCase cacheFailingAsItsCpuRises(double cpuBy) {
        return new RcaCase().node("web").node("cache").calls("web", "cache").cpu("cache", 40)
                .step("cache", RcaCase.CPU, 600, cpuBy).step("cache", RcaCase.ERRORS, 600, 30)
                .step("web", RcaCase.ERRORS, 601, 20);
    }

    @ParameterizedTest(name = "CPU from 40 % up by {0} points: {1}")
    @CsvSource({
            "58, resource exhaustion: CPU",
            // CPU moved far beyond its noise, to 75 %: the node does more work, it has not run out of CPU
            "35, errors in its own handling"})
    void errorsOfItsOwnAreCpuExhaustionOnlyWithItsCpuAtSaturation(double cpuBy, String kind) {
        Diagnosis diagnosis = analyzer.analyze(cacheFailingAsItsCpuRises(cpuBy).input("web", RcaCase.ERRORS, "cache"));

        Cause top = diagnosis.top().orElseThrow();
        assertThat(top.component()).isEqualTo("cache");
        assertThat(top.kind()).isEqualTo(kind);
    }

    /**
     * web calls cache; at second 600 cache's CPU steps from 30 % by {@code cpuBy} points, its p99 from 50 ms by
     * {@code latencyBy}. CPU as noisy as a shared host's, so the latency is the stronger reading, as in the trials.
     */
    private static RcaCase cacheSlowAsItsCpuRises(double cpuBy, double latencyBy) {
        return new RcaCase().node("web").node("cache").calls("web", "cache").cpu("cache", 30, 2)
                .step("cache", RcaCase.CPU, 600, cpuBy).step("cache", RcaCase.LATENCY, 600, latencyBy)
                .step("web", RcaCase.LATENCY, 601, latencyBy);
    }

    @ParameterizedTest(name = "CPU 30 % + {0}, p99 50 ms + {1}: {2}")
    @CsvSource({
            // 70 % idle down to 20 %: 3.5 times slower by queueing alone; 2.4 times seen
            "50, 70, resource exhaustion: CPU",
            // 70 % idle down to 60 %: 1.2 times; 3 times seen, so something else slows it (a bandwidth limit)
            "10, 100, latency in its own handling",
            // 3.5 times by queueing, 9 times seen: the CPU is not the whole story
            "50, 400, latency in its own handling"})
    void latencyOfItsOwnIsCpuExhaustionBelowTheLineOnlyWhenQueueingOnTheCpuAccountsForIt(double cpuBy, double latencyBy,
            String kind) {
        Diagnosis diagnosis = analyzer.analyze(cacheSlowAsItsCpuRises(cpuBy, latencyBy).input("web", RcaCase.LATENCY, "cache"));

        Cause top = diagnosis.top().orElseThrow();
        assertThat(top.component()).isEqualTo("cache");
        assertThat(top.kind()).isEqualTo(kind);
    }

    /** api's calls to db fail beyond what db answered; api and web fail after; db is called more (api's retries). */
    private static RcaCase oneLossyCall() {
        return new RcaCase().node("web").node("api").node("db")
                .calls("web", "api").calls("api", "db")
                .callStep("web", "api", RcaCase.ERRORS, 0.5, 601, 20).callStep("api", "db", RcaCase.ERRORS, 0.5, 600, 60)
                .step("api", RcaCase.ERRORS, 601, 20).step("web", RcaCase.ERRORS, 602, 20)
                .step("api", RcaCase.REQUESTS, 600, 30).step("db", RcaCase.REQUESTS, 601, 40);
    }

    @ParameterizedTest(name = "db has another caller: {0}")
    @ValueSource(booleans = {false, true})
    void oneCallersCallsAloneFailingBeyondWhatTheCalleeAnsweredNameTheCalleeFirstAndTheCallerNextAsTheLinksOtherEnd(
            boolean other) {
        RcaCase link = other ? oneLossyCall().node("reports").calls("reports", "db")
                .callStep("reports", "db", RcaCase.ERRORS, 0.5, 600, 0) : oneLossyCall();

        Diagnosis diagnosis = analyzer.analyze(link.input("web", RcaCase.ERRORS, "api"));

        Cause top = diagnosis.top().orElseThrow();
        assertThat(top.component()).isEqualTo("db");
        assertThat(top.kind()).isEqualTo(Cause.LINK_KIND);
        assertThat(top.evidence()).anySatisfy(e -> assertThat(e).startsWith("only api's calls to it fail"));
        assertThat(diagnosis.rankOf("api")).isEqualTo(2);
        // the link is where the fault is, at either end: its confidence is what both ends share, not db's part alone
        assertThat(top.confidence()).isGreaterThan(0.8);
    }

    @Test
    void aCalleeWhoseOnlyCallerOutsideTheIncidentLosesItsCallsIsALinkReachedThroughThatCaller() {
        // queue delivers to worker, which mails; the link from queue is cut: worker gets nothing and sends nothing,
        // its own errors and latency stay normal, and the incident is worker's and mail's (queue itself looks fine)
        RcaCase cut = new RcaCase().node("queue").node("worker").node("mail")
                .calls("queue", "worker").calls("worker", "mail")
                .callStep("queue", "worker", RcaCase.ERRORS, 0.5, 600, 95)
                .step("worker", RcaCase.REQUESTS, 601, -80).step("mail", RcaCase.REQUESTS, 602, -80);

        Diagnosis diagnosis = analyzer.analyze(cut.input("mail", RcaCase.REQUESTS, "worker"));

        Cause top = diagnosis.top().orElseThrow();
        assertThat(top.component()).isEqualTo("worker");
        assertThat(top.kind()).isEqualTo(Cause.LINK_KIND);
        assertThat(top.path()).containsExactly("queue", "worker");
    }

    @ParameterizedTest(name = "calls reported until second {0}")
    @ValueSource(ints = {706, 720})
    void aCallersErrorsAreNotCalledItsOwnOverSecondsItsCallsAreNotYetReportedFor(int reportedUntil) {
        // the link is cut at 700; api's and web's own errors are known to 720, their calls in buckets that come later
        RcaCase cut = new RcaCase().node("web").node("api").node("db")
                .calls("web", "api").calls("api", "db")
                .callStep("api", "db", RcaCase.ERRORS, 0.5, 700, 90).step("api", RcaCase.ERRORS, 700, 60)
                .callStep("web", "api", RcaCase.ERRORS, 0.5, 700, 60).step("web", RcaCase.ERRORS, 700, 50)
                .callsReportedUntil(reportedUntil);

        Diagnosis diagnosis = analyzer.analyze(cut.input("web", RcaCase.ERRORS, "api"));

        assertThat(diagnosis.causes()).noneSatisfy(c -> assertThat(c.kind()).isEqualTo("errors in its own handling"));
        if (reportedUntil == RcaCase.LENGTH) {
            assertThat(diagnosis.top().orElseThrow().component()).isEqualTo("db");
            assertThat(diagnosis.top().orElseThrow().kind()).isEqualTo(Cause.LINK_KIND);
        }
    }

    /** api loses 40 % of its calls to one callee, db; its own requests fail as much; its latency moves by {@code wait}. */
    private static RcaCase oneCallFailing(double wait) {
        RcaCase failing = new RcaCase().withPercentiles().node("web").node("api").node("db")
                .calls("web", "api").calls("api", "db")
                .callStep("api", "db", RcaCase.ERRORS, 0.5, 600, 40)
                .step("api", RcaCase.ERRORS, 600, 40).step("web", RcaCase.ERRORS, 601, 30)
                .step("db", RcaCase.REQUESTS, 601, 10);
        for (String latency : List.of(RcaCase.LATENCY_P50, RcaCase.LATENCY_P95, RcaCase.LATENCY)) {
            failing.step("api", latency, 600, wait);
        }
        return failing;
    }

    @Test
    void oneCallersCallsFailingAtOnceWithoutAWaitNameTheCallerForWhatItSends() {
        Diagnosis diagnosis = analyzer.analyze(oneCallFailing(0).input("web", RcaCase.ERRORS, "api"));

        Cause top = diagnosis.top().orElseThrow();
        assertThat(top.component()).isEqualTo("api");
        assertThat(top.kind()).isEqualTo("its calls are refused: what it sends is turned away (clock, credentials, quota)");
        assertThat(top.evidence()).anySatisfy(e -> assertThat(e).startsWith("its calls refused by db"));
        Cause db = causeOf(diagnosis, "db");
        assertThat(db.evidence()).anySatisfy(e -> assertThat(e).startsWith("api loses its calls to it at its own end"));
    }

    @Test
    void oneCallersCallsFailingAfterAWaitPastTheCalleesNormalTailStillNameTheCallee() {
        // 400 ms more at the caller's median: its failed calls waited out a timeout, so they were lost, not refused
        Diagnosis diagnosis = analyzer.analyze(oneCallFailing(400).input("web", RcaCase.ERRORS, "api"));

        Cause top = diagnosis.top().orElseThrow();
        assertThat(top.component()).isEqualTo("db");
        assertThat(top.kind()).isEqualTo(Cause.LINK_KIND);
        assertThat(diagnosis.rankOf("api")).isEqualTo(2);
    }

    @ParameterizedTest(name = "callees' median rises by {0} ms")
    @ValueSource(doubles = {2, 200})
    void callsLostToCalleesAreTheirsOnlyWhenTheyAreSlowEnoughToTimeThemOut(double calleeRise) {
        // api's calls to db and to cache fail 40 % beyond what those answered; both callees are slower (p99 + 12 ms)
        RcaCase retried = new RcaCase().withPercentiles().node("web").node("api").node("db").node("cache")
                .calls("web", "api").calls("api", "db").calls("api", "cache")
                .callStep("api", "db", RcaCase.ERRORS, 0.5, 600, 40).callStep("api", "cache", RcaCase.ERRORS, 0.5, 600, 40)
                .step("api", RcaCase.ERRORS, 600, 40).step("web", RcaCase.ERRORS, 601, 30);
        for (String callee : List.of("db", "cache")) {
            retried.step(callee, RcaCase.LATENCY_P50, 600, calleeRise).step(callee, RcaCase.LATENCY_P95, 600, 6)
                    .step(callee, RcaCase.LATENCY, 600, 12).step(callee, RcaCase.REQUESTS, 600, 10);
        }

        Diagnosis diagnosis = analyzer.analyze(retried.input("web", RcaCase.ERRORS, "api"));

        if (calleeRise < 10) {
            // a little slower is what the caller's retries do to them: 40 % of calls cannot have timed out on them
            assertThat(diagnosis.top().orElseThrow().component()).isEqualTo("api");
            assertThat(diagnosis.top().orElseThrow().evidence()).anySatisfy(e -> assertThat(e).startsWith("its calls refused by "));
        } else {
            // their median past their normal p95: the callers timed out on them, the losses are the callees' doing
            assertThat(diagnosis.top().orElseThrow().component()).isIn("db", "cache");
            assertThat(diagnosis.causes()).allSatisfy(c -> assertThat(c.evidence())
                    .noneSatisfy(e -> assertThat(e).startsWith("its calls refused by ")));
        }
    }

    @Test
    void aNodeLosingCallsToItAndFromItIsNamedForTheNetworkNotTheCalleesItsHangingCallsReach() {
        // packet loss at orders: its callers' calls to it and its calls to both callees are lost; orders waits on them
        RcaCase lossy = new RcaCase().node("web").node("orders").node("db").node("queue").node("reports")
                .calls("web", "orders").calls("orders", "db").calls("orders", "queue").calls("reports", "db")
                .callStep("web", "orders", RcaCase.ERRORS, 0.5, 600, 30)
                .callStep("orders", "db", RcaCase.ERRORS, 0.5, 600, 30)
                .callStep("orders", "queue", RcaCase.ERRORS, 0.5, 600, 30)
                .callStep("reports", "db", RcaCase.ERRORS, 0.5, 600, 0)
                .step("orders", RcaCase.ERRORS, 601, 15).step("orders", RcaCase.LATENCY, 601, 200)
                .step("web", RcaCase.ERRORS, 602, 20)
                .step("db", RcaCase.REQUESTS, 600, 30).step("queue", RcaCase.REQUESTS, 600, 30);

        Diagnosis diagnosis = analyzer.analyze(lossy.input("web", RcaCase.ERRORS, "orders"));

        Cause top = diagnosis.top().orElseThrow();
        assertThat(top.component()).isEqualTo("orders");
        assertThat(top.kind()).isEqualTo("network: calls to and from it are lost");
        assertThat(top.evidence()).anySatisfy(e -> assertThat(e).startsWith("its calls lost to "));
        Cause db = causeOf(diagnosis, "db");
        assertThat(db.evidence()).anySatisfy(e -> assertThat(e).startsWith("orders loses its calls to it at its own end"));
    }

    @ParameterizedTest(name = "its own error rate up by {0}")
    @ValueSource(doubles = {0, 20})
    void aDatabaseThatSeveralCallersLoseCallsToIsNamedForTheNetworkAtItsEndOnlyWhileItAnswersAsBefore(double ownErrors) {
        // packet loss at db: both callers' calls to it fail beyond what it answered; its latency hardly moves
        RcaCase lossy = new RcaCase().node("web").node("orders").node("reports").node("db")
                .calls("web", "orders").calls("web", "reports").calls("orders", "db").calls("reports", "db")
                .callStep("orders", "db", RcaCase.ERRORS, 0.5, 600, 30)
                .callStep("reports", "db", RcaCase.ERRORS, 0.5, 600, 30)
                .step("orders", RcaCase.ERRORS, 601, 25).step("reports", RcaCase.ERRORS, 601, 25)
                .step("web", RcaCase.ERRORS, 602, 20).step("db", RcaCase.ERRORS, 600, ownErrors);

        Cause top = analyzer.analyze(lossy.input("web", RcaCase.ERRORS)).top().orElseThrow();

        assertThat(top.component()).isEqualTo("db");
        if (ownErrors == 0) {
            assertThat(top.kind()).isEqualTo(Cause.LOST_AT_ITS_END_KIND);
            assertThat(top.basis()).isEqualTo(Cause.Basis.LOST_CALLS);
            assertThat(top.evidence()).anySatisfy(e -> assertThat(e).startsWith("its callers lose their calls to it beyond"));
        } else {
            // it fails what reaches it: its own handling, not the network
            assertThat(top.kind()).isNotEqualTo(Cause.LOST_AT_ITS_END_KIND);
            assertThat(top.basis()).isEqualTo(Cause.Basis.SHARE);
        }
    }

    @Test
    void aCauseNamedByWhereLostCallsGatherIsCalibratedApart() {
        RcaCase lossy = new RcaCase().node("web").node("orders").node("reports").node("db")
                .calls("web", "orders").calls("web", "reports").calls("orders", "db").calls("reports", "db")
                .callStep("orders", "db", RcaCase.ERRORS, 0.5, 600, 30)
                .callStep("reports", "db", RcaCase.ERRORS, 0.5, 600, 30)
                .step("orders", RcaCase.ERRORS, 601, 25).step("reports", RcaCase.ERRORS, 601, 25)
                .step("web", RcaCase.ERRORS, 602, 20);
        Calibration flat = new Calibration(new double[] {0, 1}, new double[] {0.93, 0.93});
        RootCauseAnalyzer apart = new RootCauseAnalyzer(RcaConfig.ofDefaults()
                .withCalibrations(Calibration.identity(), Calibration.identity(), flat));

        Diagnosis diagnosis = apart.analyze(lossy.input("web", RcaCase.ERRORS));

        assertThat(diagnosis.top().orElseThrow().confidence()).isEqualTo(0.93);
        assertThat(causeOf(diagnosis, "orders").confidence()).as("a victim keeps the general calibration")
                .isNotEqualTo(0.93);
    }

    @Test
    void aCalleeSufferingTheCallsANodeLosesToItDoesNotExplainThatNode() {
        // packet loss at orders; db fails some requests of its own too, its connections held by orders' hanging calls
        RcaCase lossy = new RcaCase().node("web").node("orders").node("db").node("queue")
                .calls("web", "orders").calls("orders", "db").calls("orders", "queue")
                .callStep("web", "orders", RcaCase.ERRORS, 0.5, 600, 30)
                .callStep("orders", "db", RcaCase.ERRORS, 0.5, 600, 50)
                .callStep("orders", "queue", RcaCase.ERRORS, 0.5, 600, 30)
                .step("db", RcaCase.ERRORS, 600, 10)
                .step("orders", RcaCase.ERRORS, 601, 15).step("web", RcaCase.ERRORS, 602, 20);

        Diagnosis diagnosis = analyzer.analyze(lossy.input("web", RcaCase.ERRORS, "orders"));

        Cause top = diagnosis.top().orElseThrow();
        assertThat(top.component()).isEqualTo("orders");
        assertThat(top.evidence()).noneSatisfy(e -> assertThat(e).startsWith("its callee db moved"));
    }

    @Test
    void missingMetricIsNotedAndTheOthersStillFindTheCause() {
        RcaCase missing = chain().without("gateway", RcaCase.LATENCY).without("db", RcaCase.ERRORS)
                .step("gateway", RcaCase.ERRORS, 602, 5);

        Diagnosis diagnosis = analyzer.analyze(missing.input("gateway", RcaCase.LATENCY));

        assertThat(diagnosis.notes()).anySatisfy(n -> assertThat(n).contains("'LATENCY_P99' is missing on gateway"));
        assertThat(diagnosis.top().orElseThrow().component()).isEqualTo("db");
    }

    @Test
    void emptyGraphHasNoCausesAndSaysWhy() {
        RcaInput input = new RcaInput(CallGraph.empty(), new long[] {0, 1, 2, 3}, SeriesSource.of(java.util.Map.of()),
                RcaCase.METRICS, new Period(0, 2), new Period(2, 4), new Symptom("gone", RcaCase.LATENCY, 2), List.of(),
                List.of(), List.of());

        Diagnosis diagnosis = analyzer.analyze(input);

        assertThat(diagnosis.causes()).isEmpty();
        assertThat(diagnosis.top()).isEmpty();
        assertThat(diagnosis.notes()).containsExactly("the call graph is empty: there is nothing to blame");
    }

    @Test
    void badDeploymentOnInventoryIsRankedFirstWithTheDeploymentNamedAndARoutineOneElsewhereStaysBelow() {
        RcaCase deployments = new RcaCase().node("checkout").node("inventory").node("payments")
                .calls("checkout", "inventory").calls("checkout", "payments")
                .change("inventory", 590, "deployment", "release 5.5.1", "5.5.1")
                .change("payments", 590, "deployment", "routine release 2.0.7", "2.0.7")
                .step("inventory", RcaCase.ERRORS, 600, 25).step("checkout", RcaCase.ERRORS, 601, 20);

        Diagnosis diagnosis = analyzer.analyze(deployments.input("checkout", RcaCase.ERRORS));

        Cause top = diagnosis.top().orElseThrow();
        assertThat(top.component()).isEqualTo("inventory");
        assertThat(top.kind()).isEqualTo("bad deployment 5.5.1");
        assertThat(top.evidence()).anySatisfy(e -> assertThat(e).contains("deployment 'release 5.5.1' on inventory"));
        assertThat(diagnosis.rankOf("payments")).isGreaterThan(diagnosis.rankOf("inventory"));
        assertThat(causeOf(diagnosis, "payments").kind()).doesNotContain("deployment");
    }

    @Test
    void aCauseNamedByAChangeIsCalibratedApartFromTheOthers() {
        RcaCase deployments = new RcaCase().node("checkout").node("inventory").node("payments")
                .calls("checkout", "inventory").calls("checkout", "payments")
                .change("inventory", 590, "deployment", "release 5.5.1", "5.5.1")
                .step("inventory", RcaCase.ERRORS, 600, 25).step("checkout", RcaCase.ERRORS, 601, 20);
        Calibration flat = new Calibration(new double[] {0, 1}, new double[] {0.9, 0.9});
        RootCauseAnalyzer raw = new RootCauseAnalyzer(RcaConfig.ofDefaults().withCalibration(Calibration.identity()));
        RootCauseAnalyzer apart = new RootCauseAnalyzer(RcaConfig.ofDefaults()
                .withCalibrations(Calibration.identity(), flat, Calibration.identity()));

        Diagnosis shares = raw.analyze(deployments.input("checkout", RcaCase.ERRORS));
        Diagnosis calibrated = apart.analyze(deployments.input("checkout", RcaCase.ERRORS));

        assertThat(calibrated.top().orElseThrow().namedByDirectEvidence()).isTrue();
        assertThat(calibrated.top().orElseThrow().confidence()).isEqualTo(0.9);
        Cause checkout = calibrated.causes().get(calibrated.rankOf("checkout") - 1);
        assertThat(checkout.namedByDirectEvidence()).isFalse();
        assertThat(checkout.confidence()).as("a cause that names no change keeps the general calibration")
                .isEqualTo(shares.causes().get(shares.rankOf("checkout") - 1).confidence());
    }

    @Test
    void aNodeWhoseOwnChecksFindItsInstancesDownIsNamedSoWithThatEvidence() {
        RcaCase chain = new RcaCase().node("checkout").node("inventory").calls("checkout", "inventory")
                .step("inventory", RcaCase.ERRORS, 600, 25).step("checkout", RcaCase.ERRORS, 601, 20);
        RcaInput plain = chain.input("checkout", RcaCase.ERRORS);
        RcaInput withChecks = new RcaInput(plain.graph(), plain.times(), plain.series(), plain.metrics(), plain.normal(),
                plain.anomalous(), plain.symptom(), plain.affected(), plain.changes(), plain.past(), Set.of("inventory"));

        Cause without = analyzer.analyze(plain).top().orElseThrow();
        Cause with = analyzer.analyze(withChecks).top().orElseThrow();

        assertThat(without.kind()).isNotEqualTo(Cause.DOWN_KIND);
        assertThat(with.component()).isEqualTo("inventory");
        assertThat(with.kind()).isEqualTo(Cause.DOWN_KIND);
        assertThat(with.namedByDirectEvidence()).isTrue();
        assertThat(with.evidence()).contains("its own checks found instances it should have not serving during this incident");
    }

    @Test
    void instancesFoundDownEarlierInTheIncidentStillRankTheirComponentFirstOnceItsMetricsHaveForgottenIt() {
        // inventory's process was killed and restarted by its supervisor: its own metrics are quiet again, its caller
        // still suffers
        RcaCase restarted = new RcaCase().node("checkout").node("inventory").calls("checkout", "inventory")
                .step("checkout", RcaCase.ERRORS, 600, 20);
        RcaInput plain = restarted.input("checkout", RcaCase.ERRORS);
        RcaInput withChecks = new RcaInput(plain.graph(), plain.times(), plain.series(), plain.metrics(), plain.normal(),
                plain.anomalous(), plain.symptom(), plain.affected(), plain.changes(), plain.past(), Set.of("inventory"));

        assertThat(analyzer.analyze(plain).top().orElseThrow().component()).isEqualTo("checkout");
        Cause with = analyzer.analyze(withChecks).top().orElseThrow();
        assertThat(with.component()).isEqualTo("inventory");
        assertThat(with.kind()).isEqualTo(Cause.DOWN_KIND);
    }

    @Test
    void theFixForwardAfterTheOnsetDoesNotTakeTheBadDeploymentsPlace() {
        RcaCase deployments = new RcaCase().node("checkout").node("inventory").calls("checkout", "inventory")
                .change("inventory", 590, "deployment", "release 5.5.1", "5.5.1")
                .change("inventory", 640, "deployment", "fix forward 5.5.2", "5.5.2")
                .step("inventory", RcaCase.ERRORS, 600, 25).step("checkout", RcaCase.ERRORS, 601, 20);

        Cause top = analyzer.analyze(deployments.input("checkout", RcaCase.ERRORS)).top().orElseThrow();

        assertThat(top.kind()).isEqualTo("bad deployment 5.5.1");
        assertThat(top.evidence()).anySatisfy(e -> assertThat(e).contains("'release 5.5.1'").endsWith("before the symptom"));
        assertThat(top.evidence()).noneSatisfy(e -> assertThat(e).contains("5.5.2"));
    }

    @Test
    void confirmedPastIncidentWithTheSameSignatureTipsTwoEquallyAnomalousCalleesAndIsCited() {
        RcaCase twins = new RcaCase().node("api").node("left").node("right").calls("api", "left").calls("api", "right")
                .step("left", RcaCase.LATENCY, 600, 300).step("right", RcaCase.LATENCY, 600, 300)
                .step("api", RcaCase.LATENCY, 601, 300);
        Set<String> signature = analyzer.analyze(twins.input("api", RcaCase.LATENCY)).signature();
        String other = analyzer.analyze(twins.input("api", RcaCase.LATENCY)).causes().get(1).component();

        Diagnosis diagnosis = analyzer.analyze(twins.past(new PastIncident("INC-0007", signature, other,
                "latency in its own handling", "restarted it", true)).input("api", RcaCase.LATENCY));

        Cause top = diagnosis.top().orElseThrow();
        assertThat(top.component()).isEqualTo(other);
        assertThat(top.evidence()).anySatisfy(e -> assertThat(e).contains("resembles INC-0007").contains("restarted it"));
        assertThat(diagnosis.similar()).singleElement()
                .satisfies(s -> assertThat(s.incident().resolution()).isEqualTo("restarted it"));
    }

    @Test
    void eachMethodAloneStillRanksEveryCandidate() {
        for (RcaMethod method : RcaMethod.values()) {
            Diagnosis diagnosis = new RootCauseAnalyzer(RcaConfig.ofDefaults().only(method))
                    .analyze(chain().input("gateway", RcaCase.LATENCY));

            assertThat(diagnosis.causes()).as(method.name()).hasSize(4);
        }
    }

    @Test
    void infiniteSampleIsRejectedNamingTheSeries() {
        RcaCase broken = chain();
        RcaInput input = broken.input("gateway", RcaCase.LATENCY);
        double[] bad = input.series().series("db", RcaCase.LATENCY).orElseThrow();
        bad[650] = Double.POSITIVE_INFINITY;

        assertThatThrownBy(() -> analyzer.analyze(input)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("db/LATENCY_P99").hasMessageContaining("infinite");
    }

    @Test
    void symptomOutsideTheGraphIsRejected() {
        assertThatThrownBy(() -> chain().input("nowhere", RcaCase.LATENCY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nowhere' is not in the call graph");
    }

    @Test
    void configurationRejectsNonsense() {
        assertThatThrownBy(() -> RcaConfig.ofDefaults().withMethods(EnumSet.noneOf(RcaMethod.class)))
                .hasMessageContaining("at least one method");
        assertThatThrownBy(() -> new RcaConfig(EnumSet.allOf(RcaMethod.class), 0, 8, 900, 900, 0.15,
                Calibration.identity(), Calibration.identity(), Calibration.identity()))
                .hasMessageContaining("anomalyThreshold");
        assertThatThrownBy(() -> new Calibration(new double[] {0, 0.5, 1}, new double[] {0.2, 0.1, 0.9}))
                .hasMessageContaining("must rise");
    }

    @Test
    void calibrationInterpolatesBetweenItsPoints() {
        Calibration calibration = new Calibration(new double[] {0, 0.5, 1}, new double[] {0.1, 0.3, 0.9});

        assertThat(calibration.apply(0.25)).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(calibration.apply(0.75)).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(calibration.apply(2)).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-9));
    }
}
