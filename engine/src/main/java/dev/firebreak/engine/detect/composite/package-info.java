/**
 * One score per component from its findings: families, weights, minimum departure (ADR 0022), and the
 * explanation of every score.
 */
package dev.firebreak.engine.detect.composite;
