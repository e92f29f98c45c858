/**
 * The embedded simulator: a deterministic physics model of a topology, the console's default data source.
 *
 * <p><b>Load.</b> Entry traffic = peak x daily curve (0.2 at 03:00 UTC rising to 1.0 at 15:00, a
 * raised cosine) x 0.7 at weekends x (1 + AR(1) noise) x (1 + burst), split over the entry points by
 * capacity. It flows in topological order: each component passes served x callsPerRequest x
 * (1 + retried share) to each callee; a cache passes only its misses, a queue only what it drains, and a replica also applies 30% of its
 * primary's load (its writes). {@code topology.SteadyLoad} computes this same distribution without noise.
 *
 * <p><b>Latency.</b> Service time S per kind; local latency = S/2 fixed + S/2 x (1 + rho^3 / (1 - rho)),
 * rho = arrival / capacity (capped at 0.98). Capacity = capacityPerReplica x instances up x
 * (1 - stolen CPU) x bandwidth limit. Callee latency is added per edge, capped at the timeout; repeated
 * calls to one callee are sequential, different callees concurrent (slowest + a quarter of the rest).
 * Percentiles come from a shifted exponential: p50 = d + 0.69v, p95 = d + 3v, p99 = d + 4.6v.
 *
 * <p><b>Errors.</b> Shedding above capacity (1 - 1/rho), faulty versions or config, clock skew, full
 * disk, plus failed calls on required edges. A call fails if the callee errors, if it outlasts the
 * timeout (P = exp(-(T - d) / v)), if it is lost (packet loss, partition, broken dependency: the caller
 * waits the timeout) or if the caller's per-destination connection pool is full. Failed calls are
 * retried once within a 10% retry budget. Optional edges cost time, never errors.
 *
 * <p><b>Resources.</b> CPU follows utilisation; memory = base + load + leaked + pressure (+ cache
 * contents), GC slows service above 85%, 100% is an OOM kill and 30 s restart that empties the leak;
 * disks fill with logs and data in proportion to utilisation, a full disk fails writes; pools follow Little's law (calls/s x seconds
 * per call) and keep connections abandoned by timeouts until reaped, reset or restarted; queues
 * accumulate what consumers cannot take; replicas lag when busy or cut off from their primary.
 *
 * <p>Faults only change inputs of this model, and actions only change its state, so cascades are an
 * outcome of the physics, never scripted.
 */
package dev.firebreak.engine.sim;
