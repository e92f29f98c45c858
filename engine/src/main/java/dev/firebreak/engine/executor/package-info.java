/**
 * Executors: what carries out one rendered step of a runbook on a system. The simulator's action API, a child
 * process started from an argument vector (never a shell string), an HTTP request, and {@code kubectl} with an
 * explicit context and namespace. Each {@link dev.firebreak.engine.executor.Invocation} is fully rendered before
 * it gets here: executors substitute nothing and parse nothing.
 */
package dev.firebreak.engine.executor;
