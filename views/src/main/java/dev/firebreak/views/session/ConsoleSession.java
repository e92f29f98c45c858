package dev.firebreak.views.session;

/**
 * A running system as the console's screens see it: one narrow port per capability. The app's composition
 * root assembles the engine services and adapts them to these ports; a screen's view-model takes the ports it
 * needs and nothing else, which keeps views off engine services and lets view-models be tested without the
 * toolkit or the simulator.
 *
 * <p>Every port method may be called from any thread.
 */
public interface ConsoleSession extends AutoCloseable {

    Telemetry telemetry();

    HealthStatus status();

    FaultControl faultControl();

    DetectionSettings detection();

    Forecasts forecasts();

    SimulationControl control();

    IncidentDesk incidents();

    RootCauses rootCauses();

    RunbookDesk runbooks();

    HealingDesk healing();

    /** Stops the engine services behind the ports, in the reverse of the order they started. */
    @Override
    void close();
}
