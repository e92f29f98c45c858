package dev.firebreak.engine.event;

/** A handle to stop receiving events; closing twice is harmless. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
