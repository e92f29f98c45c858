package dev.firebreak.engine.topology;

/** What a component is; the simulator gives each kind its own physics (a cache hits, a queue buffers...). */
public enum ComponentKind {
    GATEWAY,
    LOAD_BALANCER,
    SERVICE,
    DATABASE,
    CACHE,
    QUEUE,
    OBJECT_STORE,
    SEARCH_INDEX,
    HOST,
    EXTERNAL;

    /** Kinds that keep state on disk and so have disk usage and, with a replica, replication lag. */
    public boolean isStateful() {
        return this == DATABASE || this == QUEUE || this == OBJECT_STORE || this == SEARCH_INDEX;
    }
}
