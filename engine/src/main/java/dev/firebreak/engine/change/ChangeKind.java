package dev.firebreak.engine.change;

/** What kind of change was made to a component. */
public enum ChangeKind {
    DEPLOYMENT,
    CONFIG_CHANGE,
    ROLLBACK,
    SCALING,
    FAILOVER
}
