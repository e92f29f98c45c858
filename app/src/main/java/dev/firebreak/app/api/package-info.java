/**
 * The runbook HTTP API (ai-sre-runbook-system.md's search, get, create/update, execute, status, approve, learn and
 * patterns) over the {@link dev.firebreak.views.session.RunbookDesk} port: JSON on a loopback address behind a bearer
 * token kept in an owner-only file of the data directory. {@link dev.firebreak.app.api.RunbookApiServer} serves it;
 * docs/api/runbooks.openapi.yaml describes every path, body and status.
 */
package dev.firebreak.app.api;
