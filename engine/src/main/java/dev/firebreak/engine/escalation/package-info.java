/**
 * Escalation: who is told about an incident, when, and how loudly. Policies (levels with delays, conditions and
 * targets, repeated) and on-call rotations with overrides come from YAML; the six auto-escalation triggers of the
 * self-healing design raise severity or move up a level. Everything runs on the injected (simulated) clock.
 */
package dev.firebreak.engine.escalation;
