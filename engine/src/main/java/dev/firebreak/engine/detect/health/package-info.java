/**
 * How composite scores move a component's detected health, with hysteresis, on the table of legal moves
 * {@link dev.firebreak.engine.detect.health.HealthTracker#TRANSITIONS}.
 */
package dev.firebreak.engine.detect.health;
