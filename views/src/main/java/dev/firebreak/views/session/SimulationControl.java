package dev.firebreak.views.session;

/** Play, pause and speed of the running source (the simulator's runner). */
public interface SimulationControl {

    void pause();

    void resume();

    boolean isPaused();

    /** Simulated seconds per wall-clock second. */
    void setSpeed(double speed);

    double speed();
}
