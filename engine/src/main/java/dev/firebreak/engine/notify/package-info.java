/**
 * Incident notifications: Slack, PagerDuty, Opsgenie and generic webhooks, delivered asynchronously with
 * timeouts, retries, a rate limit and a circuit breaker per channel, reporting every delivery's outcome.
 *
 * <p>The API is {@link dev.firebreak.engine.notify.NotificationDispatcher} (submit a
 * {@link dev.firebreak.engine.notify.Notification}, receive {@link dev.firebreak.engine.notify.DeliveryOutcome}s),
 * its config ({@link dev.firebreak.engine.notify.NotificationConfigLoader} reads {@code notifications.yaml}) and the
 * secret handling ({@link dev.firebreak.engine.notify.SecretResolver}, {@link dev.firebreak.engine.notify.Secret}).
 * Vendor payloads, the lanes and the breaker live in {@code notify.internal}. See ADR 0026.
 */
package dev.firebreak.engine.notify;
