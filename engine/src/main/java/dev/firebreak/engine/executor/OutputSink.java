package dev.firebreak.engine.executor;

/** Receives a step's output line by line while it runs, so a screen can stream it. Called on the executor's thread. */
@FunctionalInterface
public interface OutputSink {

    OutputSink NONE = line -> { };

    void line(String line);
}
