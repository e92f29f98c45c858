/**
 * A component's health as the console shows it: what detection sees in its signals and what its health checks
 * say, combined by one rule (ADR 0025). Detection ({@code health.ComponentHealthChanged}) and the checks
 * ({@code check.CheckedHealthChanged}) each keep their own verdict; {@link dev.firebreak.engine.assess.ComponentHealth}
 * combines them and publishes {@link dev.firebreak.engine.assess.AssessedHealthChanged}. A package of its own
 * because it reads both: {@code detect} and {@code check} depend on {@code health}, so the combination cannot
 * live there without a package cycle.
 */
package dev.firebreak.engine.assess;
