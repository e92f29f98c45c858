/**
 * Self-healing: playbooks (runbooks with a trigger, a blast-radius scope and verification criteria) chosen from the
 * diagnosed cause, behind the decision chain's gates (confidence, blast radius, the healing breaker, a rate limit,
 * cooldowns, a parallel cap, change freezes, approvals), run on the runbook engine, verified, rolled back and escalated
 * when they do not help; and the one latched emergency stop, {@link dev.firebreak.engine.heal.HaltLatch}, that healing,
 * runbook runs and chaos experiments obey. ADR 0035.
 */
package dev.firebreak.engine.heal;
