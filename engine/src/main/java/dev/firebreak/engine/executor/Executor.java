package dev.firebreak.engine.executor;

/**
 * Carries out invocations of the kinds it {@link #handles}. Blocks until the invocation ends or its timeout
 * passes; never throws for a failure of the system acted on (that is an {@link Outcome}).
 */
public interface Executor {

    boolean handles(Invocation invocation);

    Outcome run(Invocation invocation, OutputSink output);
}
