/**
 * Runbooks as code and the engine that executes them: YAML runbooks of seven step types, rendered with template
 * variables substituted into argument elements (never into a shell), executed step by step behind approvals, every
 * transition written to the store before the action it announces. Healing playbooks run on the same engine in
 * automatic mode. Executors live in {@link dev.firebreak.engine.executor}.
 */
package dev.firebreak.engine.runbook;
