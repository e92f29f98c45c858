package dev.firebreak.engine.check;

/** How deep a health check looks, from the seed's three tiers. */
public enum CheckTier {
    /** Fast availability: HTTP status, TCP connect, process alive, basic resource limits. */
    SHALLOW,
    /** Key functionality and dependencies: HTTP body, JDBC {@code SELECT 1}, a command's result. */
    DEEP,
    /** An end-to-end scripted flow of several steps. */
    COMPREHENSIVE
}
