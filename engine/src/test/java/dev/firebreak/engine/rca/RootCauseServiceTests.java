package dev.firebreak.engine.rca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebreak.engine.action.ActionApplied;
import dev.firebreak.engine.action.ActionResult;
import dev.firebreak.engine.action.RemediationAction;
import dev.firebreak.engine.change.ChangeEvent;
import dev.firebreak.engine.change.ChangeKind;
import dev.firebreak.engine.detect.AnomalyDetected;
import dev.firebreak.engine.detect.Severity;
import dev.firebreak.engine.detect.composite.Explanation;
import dev.firebreak.engine.event.EventBus;
import dev.firebreak.engine.incident.Alert;
import dev.firebreak.engine.incident.AlertLevel;
import dev.firebreak.engine.incident.AlertSource;
import dev.firebreak.engine.incident.Incident;
import dev.firebreak.engine.incident.IncidentConfig;
import dev.firebreak.engine.incident.IncidentService;
import dev.firebreak.engine.incident.IncidentState;
import dev.firebreak.engine.incident.IncidentStore;
import dev.firebreak.engine.incident.TimelineEntry;
import dev.firebreak.engine.incident.TimelineKind;
import dev.firebreak.engine.store.Database;
import dev.firebreak.engine.telemetry.CallTelemetry;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.telemetry.MetricStore;
import dev.firebreak.engine.telemetry.MetricStores;
import dev.firebreak.engine.telemetry.MetricsTicked;
import dev.firebreak.engine.telemetry.SeriesKey;
import dev.firebreak.engine.time.SimulationClock;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RootCauseServiceTests {

    private static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
    /** The fault starts this many seconds into the recorded series. */
    private static final int ONSET = 900;
    private final SimulationClock clock = new SimulationClock(START);
    private final EventBus bus = new EventBus();
    private final MetricStore store = MetricStores.inMemory();
    private final List<DiagnosisUpdated> updates = new ArrayList<>();
    private final FeedbackStore verdicts = FeedbackStore.inMemory();
    private IncidentService incidents;
    private RootCauseService rootCauses;

    @BeforeEach
    void start() throws Exception {
        Topology shop = TopologyLoader.loadResource("topologies/shop.yaml");
        incidents = new IncidentService(shop, IncidentConfig.defaults(), IncidentStore.inMemory(), bus, clock);
        rootCauses = RootCauseService.attach(shop, store, bus, incidents, verdicts, RootCauseSettings.defaults(), clock);
        bus.subscribe(DiagnosisUpdated.class, updates::add);
    }

    /**
     * Twenty minutes of one-second samples for the database and its callers: postgres-primary's errors jump at
     * {@link #ONSET}, its callers' a second later; the clock ends a minute after the onset.
     */
    private void recordDatabaseFailure() {
        Random random = new Random(7);
        List<String> nodes = List.of("postgres-primary", "orders", "payments", "checkout", "inventory");
        int[][] handles = new int[nodes.size()][2];
        for (int n = 0; n < nodes.size(); n++) {
            handles[n][0] = store.register(new SeriesKey(nodes.get(n), MetricName.ERROR_RATE));
            handles[n][1] = store.register(new SeriesKey(nodes.get(n), MetricName.LATENCY_P99));
        }
        for (int s = 0; s < ONSET + 60; s++) {
            long second = START.getEpochSecond() + s;
            for (int n = 0; n < nodes.size(); n++) {
                boolean failing = n == 0 ? s >= ONSET : n <= 2 && s >= ONSET + 1;
                store.append(handles[n][0], second, 0.5 + 0.1 * random.nextGaussian() + (failing ? 30 : 0));
                store.append(handles[n][1], second, 80 + 3 * random.nextGaussian());
            }
        }
        clock.advance(Duration.ofSeconds(ONSET + 59));
    }

    private Incident openDatabaseIncident() {
        incidents.accept(Alert.firing(AlertSource.HEALTH, "health:postgres-primary", "postgres-primary",
                AlertLevel.CRITICAL, "postgres-primary failed", clock.instant()));
        for (String caller : List.of("orders", "payments")) {
            incidents.accept(Alert.firing(AlertSource.HEALTH, "health:" + caller, caller, AlertLevel.WARNING,
                    caller + " degraded", clock.instant()));
        }
        return incidents.incidents().getLast();
    }

    @Test
    void openedIncidentIsDiagnosedWithTheDatabaseFirstAndTheTimelineSaysSo() {
        recordDatabaseFailure();

        Incident incident = openDatabaseIncident();

        Diagnosis diagnosis = rootCauses.diagnosis(incident.id()).orElseThrow();
        assertThat(diagnosis.top().orElseThrow().component()).isEqualTo("postgres-primary");
        assertThat(updates).isNotEmpty();
        assertThat(updates.getFirst().topChanged()).isTrue();
        List<TimelineEntry> diagnosisEntries = incidents.timeline(incident.id()).stream()
                .filter(e -> e.kind() == TimelineKind.DIAGNOSIS).toList();
        assertThat(diagnosisEntries).hasSize(1);
        assertThat(diagnosisEntries.getFirst().text()).startsWith("probable cause: postgres-primary");
    }

    @Test
    void theAnalysisIsToldWhatDetectionFlaggedSinceItsNormalPeriodBegan() {
        recordDatabaseFailure();
        // opened at second 959 with no earlier anomaly of its own: normal period from 959 - 120 - 600 = 239
        bus.publish(flag("search", START.plusSeconds(100)));
        bus.publish(flag("orders", START.plusSeconds(500)));

        Incident incident = openDatabaseIncident();

        assertThat(rootCauses.input(incident.id()).orElseThrow().flagged()).containsExactly("orders");
    }

    private static AnomalyDetected flag(String component, Instant at) {
        return new AnomalyDetected(at, component, Severity.MEDIUM, 0.8, new Explanation(List.of(), List.of()));
    }

    @Test
    void growingIncidentIsAnalysedAgainButTheTimelineOnlyHearsOfANewTopCause() {
        recordDatabaseFailure();
        Incident incident = openDatabaseIncident();
        int before = updates.size();

        incidents.accept(Alert.firing(AlertSource.HEALTH, "health:checkout", "checkout", AlertLevel.WARNING,
                "checkout degraded", clock.instant()));

        assertThat(updates.size()).isGreaterThan(before);
        assertThat(updates.getLast().topChanged()).isFalse();
        assertThat(incidents.timeline(incident.id()).stream().filter(e -> e.kind() == TimelineKind.DIAGNOSIS)).hasSize(1);
    }

    @Test
    void aQuietIncidentIsAnalysedAgainAsItsEvidenceMaturesOnAWideningSchedule() {
        recordDatabaseFailure();
        Incident incident = openDatabaseIncident();
        Instant opened = incident.openedAt();
        List<Instant> analysed = new ArrayList<>();
        bus.subscribe(DiagnosisUpdated.class, update -> analysed.add(update.at()));

        for (int s = 1; s <= 300; s++) {
            bus.publish(new MetricsTicked(opened.plusSeconds(s),
                    opened.getEpochSecond() + s));
        }

        // nothing joined the incident: each analysis waits as long as the incident was old at the last one, 10 s at least
        assertThat(analysed).containsExactly(opened.plusSeconds(10), opened.plusSeconds(20), opened.plusSeconds(40),
                opened.plusSeconds(80), opened.plusSeconds(160));
        incidents.transition(incident.id(), IncidentState.RESOLVED, "test", "fixed");
        bus.publish(new MetricsTicked(opened.plusSeconds(600), opened.getEpochSecond() + 600));
        assertThat(analysed).as("a resolved incident is left alone").hasSize(5);
    }

    @Test
    void instancesFoundDownAtTheFirstAnalysisStillNameTheComponentAfterItsSupervisorBroughtThemBack() throws Exception {
        AtomicBoolean ordersDown = new AtomicBoolean(true);
        Incident incident = openDatabaseIncidentWithOrdersDownWhile(ordersDown);
        assertThat(causeOf(incident, "orders").kind()).isEqualTo(Cause.DOWN_KIND);

        ordersDown.set(false);
        Instant opened = incident.openedAt();
        bus.publish(new MetricsTicked(opened.plusSeconds(10), opened.getEpochSecond() + 10));

        assertThat(updates.getLast().at()).isEqualTo(opened.plusSeconds(10));
        Cause orders = causeOf(incident, "orders");
        assertThat(orders.kind()).isEqualTo(Cause.DOWN_KIND);
        assertThat(orders.evidence()).contains("its own checks found instances it should have not serving during this incident");
    }

    @Test
    void instancesARestartOfThisIncidentTookDownAreNotTakenForItsCause() throws Exception {
        AtomicBoolean ordersDown = new AtomicBoolean(false);
        Incident incident = openDatabaseIncidentWithOrdersDownWhile(ordersDown);
        Instant opened = incident.openedAt();

        bus.publish(new ActionApplied(opened.plusSeconds(2), new RemediationAction.RestartInstance("orders"),
                ActionResult.applied("rolling restart")));
        ordersDown.set(true);
        bus.publish(new MetricsTicked(opened.plusSeconds(10), opened.getEpochSecond() + 10));

        assertThat(updates.getLast().at()).isEqualTo(opened.plusSeconds(10));
        assertThat(causeOf(incident, "orders").kind()).isNotEqualTo(Cause.DOWN_KIND);
    }

    /**
     * The service again, its checks finding orders' instances down while {@code ordersDown} holds, and the database
     * failure's incident opened under it.
     */
    private Incident openDatabaseIncidentWithOrdersDownWhile(AtomicBoolean ordersDown) throws Exception {
        rootCauses.close();
        rootCauses = RootCauseService.attach(TopologyLoader.loadResource("topologies/shop.yaml"),
                new RootCauseService.Telemetry(store, CallTelemetry.none()), bus, incidents,
                verdicts, RootCauseSettings.defaults(), clock, component -> component.equals("orders") && ordersDown.get());
        recordDatabaseFailure();
        return openDatabaseIncident();
    }

    private Cause causeOf(Incident incident, String component) {
        Diagnosis diagnosis = rootCauses.diagnosis(incident.id()).orElseThrow();
        return diagnosis.causes().get(diagnosis.rankOf(component) - 1);
    }

    @Test
    void aFirstLookLaterThanTheRefreshOrNotPositiveIsRefusedNamingIt() {
        RcaConfig config = RcaConfig.ofDefaults();
        assertThatThrownBy(() -> new RootCauseSettings(config, Duration.ofMinutes(10), Duration.ofMinutes(2),
                Duration.ofSeconds(30), Duration.ofSeconds(31))).hasMessageContaining("firstLook");
        assertThatThrownBy(() -> new RootCauseSettings(config, Duration.ofMinutes(10), Duration.ofMinutes(2),
                Duration.ofSeconds(30), Duration.ZERO)).hasMessageContaining("firstLook");
    }

    @Test
    void deploymentBeforeTheOnsetNamesTheVersionInTheKind() {
        bus.publish(new ChangeEvent(START.plusSeconds(ONSET - 5), "postgres-primary", ChangeKind.DEPLOYMENT, "15.3",
                "15.4", "ci-pipeline", "release 15.4"));
        recordDatabaseFailure();

        Incident incident = openDatabaseIncident();

        Cause top = rootCauses.diagnosis(incident.id()).orElseThrow().top().orElseThrow();
        assertThat(top.kind()).isEqualTo("bad deployment 15.4");
        assertThat(top.evidence()).anySatisfy(e -> assertThat(e).contains("deployment 'release 15.4'"));
    }

    @Test
    void confirmedCauseIsStoredWrittenOnTheTimelineAndOfferedToTheNextAnalysis() {
        recordDatabaseFailure();
        Incident first = openDatabaseIncident();

        Feedback verdict = rootCauses.confirm(first.id(), "postgres-primary", "alice");

        assertThat(verdicts.all()).containsExactly(verdict);
        assertThat(verdict.signature()).isNotEmpty();
        assertThat(incidents.timeline(first.id()).getLast().actor()).isEqualTo("alice");
        assertThat(incidents.timeline(first.id()).getLast().text()).startsWith("confirmed postgres-primary as the cause");

        incidents.transition(first.id(), IncidentState.RESOLVED, "alice", "fixed");
        clock.advance(Duration.ofHours(1));
        incidents.accept(Alert.firing(AlertSource.HEALTH, "health:inventory", "inventory", AlertLevel.CRITICAL,
                "inventory failed", clock.instant()));
        long second = incidents.incidents().getLast().id();
        assertThat(second).isNotEqualTo(first.id());
        assertThat(rootCauses.input(second).orElseThrow().past()).singleElement()
                .satisfies(p -> assertThat(p.cause()).isEqualTo("postgres-primary"));
    }

    @Test
    void verdictOnAnUnknownComponentIsRefused() {
        recordDatabaseFailure();
        Incident incident = openDatabaseIncident();

        assertThatThrownBy(() -> rootCauses.reject(incident.id(), "postgress", "bob"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'postgress' is not a component");
    }

    @Test
    void verdictsSurviveInTheDatabase() {
        try (Database database = Database.inMemory("rca-feedback", clock)) {
            FeedbackStore stored = FeedbackStore.in(database);
            Feedback verdict = new Feedback(3, "INC-0003", "inventory", "bad deployment 5.5.1", false, "bob",
                    START, Set.of("inventory/ERROR_RATE", "checkout/ERROR_RATE"));

            stored.add(verdict);

            assertThat(FeedbackStore.in(database).all()).containsExactly(verdict);
        }
    }
}
