/**
 * The one way the engine writes a state machine: an enum of states, a {@link dev.firebreak.engine.lifecycle.Transitions}
 * table listing every legal move, and a {@link dev.firebreak.engine.lifecycle.StateMachine} that holds the current
 * state and refuses anything the table does not list. Component health, incidents, runbook executions and steps,
 * healing gates and chaos experiments all use it, so "which moves are legal" is always a table a reviewer can read.
 */
package dev.firebreak.engine.lifecycle;
