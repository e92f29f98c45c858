package dev.firebreak.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebreak.engine.detect.config.MetricDetectionConfig;
import dev.firebreak.engine.detect.series.RollingZScoreConfig;
import dev.firebreak.engine.fault.ActiveFault;
import dev.firebreak.engine.fault.FaultSpecParser;
import dev.firebreak.engine.store.AuditEntry;
import dev.firebreak.engine.store.Database;
import dev.firebreak.engine.telemetry.MetricName;
import dev.firebreak.engine.topology.Topology;
import dev.firebreak.engine.topology.TopologyException;
import dev.firebreak.views.session.ConsoleSession;
import dev.firebreak.app.testing.SteppedSession;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditedSessionsTests {

    private final Database database = Database.inMemory("audited-sessions");
    private ConsoleSession session;

    @AfterEach
    void closeAll() {
        if (session != null) {
            session.close();
        }
        database.close();
    }

    private ConsoleSession startShop() throws TopologyException {
        Topology shop = TopologyCatalog.resolve("shop", 5);
        session = new AuditedSessions(SteppedSession::start, database.auditLog(), () -> "alice").start(shop, 5, 1);
        return session;
    }

    @Test
    void injectingAFaultWritesWhoInjectedWhatToTheAuditLog() throws TopologyException {
        ConsoleSession shop = startShop();

        ActiveFault fault = shop.faultControl().faults().inject(FaultSpecParser.parse("latency:catalog,magnitude=700,for=5m", shop.telemetry().clock().instant()));

        List<AuditEntry> entries = database.auditLog().entries(0, 10);
        assertThat(entries).extracting(AuditEntry::action).containsExactly("session.started", "fault.injected");
        AuditEntry injected = entries.get(1);
        assertThat(injected.actor()).isEqualTo("alice");
        assertThat(injected.subject()).isEqualTo("catalog");
        assertThat(injected.details()).contains("LATENCY").contains("700").contains("\"id\":" + fault.id());
        assertThat(database.auditLog().verify().intact()).isTrue();
    }

    @Test
    void cancellingIsAuditedOnlyWhenSomethingWasCancelled() throws TopologyException {
        ConsoleSession shop = startShop();
        ActiveFault fault = shop.faultControl().faults().inject(FaultSpecParser.parse("cpu-pressure:web", shop.telemetry().clock().instant()));

        assertThat(shop.faultControl().faults().cancel(fault.id())).isTrue();
        assertThat(shop.faultControl().faults().cancel(fault.id() + 1000)).isFalse();

        assertThat(database.auditLog().entries(0, 10)).extracting(AuditEntry::action)
                .containsExactly("session.started", "fault.injected", "fault.cancelled");
    }

    @Test
    void newDetectionSettingsAreAuditedAndReachTheRunningDetection() throws TopologyException {
        ConsoleSession shop = startShop();
        MetricDetectionConfig base = shop.detection().detectionConfig().forMetric(MetricName.CPU);
        MetricDetectionConfig edited = new MetricDetectionConfig(Optional.of(new RollingZScoreConfig(250, 5)),
                base.ewma(), base.iqr(), base.seasonal(), base.rateOfChange(), base.multiScale());

        shop.detection().configureDetection(MetricName.CPU, edited, shop.detection().detectionConfig().composite());

        AuditEntry configured = database.auditLog().entries(0, 10).getLast();
        assertThat(configured.action()).isEqualTo("detection.configured");
        assertThat(configured.subject()).isEqualTo("CPU");
        assertThat(configured.details()).contains("window=250").contains("k=5.0").contains("WEIGHTED");
        assertThat(shop.detection().detectionConfig().forMetric(MetricName.CPU)).isEqualTo(edited);
    }

    @Test
    void aRejectedFaultLeavesNoAuditEntry() throws TopologyException {
        ConsoleSession shop = startShop();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> shop.faultControl().faults().inject(
                FaultSpecParser.parse("latency:no-such-service", shop.telemetry().clock().instant())))
                .hasMessageContaining("no-such-service");

        assertThat(database.auditLog().size()).isEqualTo(1);
    }

    @Test
    void themeChoiceSurvivesReopeningTheDatabase(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        try (Database first = Database.openFile(dir)) {
            new SettingsPreference(first.settings(), SettingsPreference.THEME).save("dark");
        }

        try (Database second = Database.openFile(dir)) {
            assertThat(new SettingsPreference(second.settings(), SettingsPreference.THEME).load()).isEqualTo("dark");
        }
    }
}
