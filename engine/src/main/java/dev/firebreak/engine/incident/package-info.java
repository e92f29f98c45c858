/**
 * Incidents: every alert source (detection's health changes and anomalies, predicted failures, health checks,
 * external alerts) becomes an {@link dev.firebreak.engine.incident.Alert}; alerts are deduplicated by fingerprint
 * and grouped by topology and time into incidents, which carry a severity computed from user impact, a type, an
 * explicit lifecycle, roles, and a hash-chained timeline persisted as it happens. {@link
 * dev.firebreak.engine.incident.IncidentService} is the engine service; the console and the later capabilities
 * (root cause, runbooks, healing) consume its events.
 */
package dev.firebreak.engine.incident;
