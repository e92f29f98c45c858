package dev.firebreak.views.testing;

/** Small runbooks on the shop topology for the runbook screens' tests, and one file that does not load. */
public final class SampleRunbooks {

    private SampleRunbooks() {
    }

    /** Four steps: an approval step with a rollback, a plain step, one to skip, a manual confirmation. */
    public static final String RESTART_CHECKOUT = """
            id: restart-checkout
            title: Restart checkout safely
            description: Take checkout out of the gateway's traffic, restart it, warm its cache and check it answers.
            owner: checkout-team
            tags: [checkout, restart]
            alerts: [CheckoutErrorRate]
            faultKinds: [memory-leak, errors]
            componentKinds: [service]
            parameters:
              - name: service
                type: component
                default: checkout
                description: The service to restart
            steps:
              - id: drain
                title: Stop the gateway's calls to the service
                type: command
                simulator: {action: open-breaker, target: gateway, callee: "{{params.service}}"}
                rollback:
                  simulator: {action: close-breaker, target: gateway, callee: "{{params.service}}"}
                approval: true
                expect: The gateway stops calling {{params.service}} at once
              - id: restart
                title: Restart the service
                type: command
                simulator: {action: restart, target: "{{params.service}}"}
                expect: The service answers again within 30 s
              - id: warm
                title: Warm its cache
                type: command
                simulator: {action: warm-cache, target: "{{params.service}}"}
              - id: confirm
                title: Check the dashboard
                type: manual
                instructions: Check that {{params.service}}'s error rate is back under 1 %
            """;

    /** A critical failover: two different people approve it, and the starter may not give the second approval. */
    public static final String FAILOVER_DATABASE = """
            id: failover-database
            title: Fail over the primary database
            description: Reset the pool, fail over to the replica, confirm writes work.
            owner: data-team
            tags: [database, failover]
            alerts: [DatabaseDown]
            faultKinds: [crash]
            componentKinds: [database]
            parameters:
              - name: database
                type: component
                default: postgres-primary
            steps:
              - id: drain
                title: Reset the connection pool
                type: command
                simulator: {action: reset-pool, target: "{{params.database}}"}
                approval: true
              - id: failover
                title: Fail over to the replica
                type: command
                simulator: {action: failover, target: "{{params.database}}"}
                critical: true
                expect: Writes go to the replica within a minute
              - id: confirm
                title: Confirm writes work
                type: manual
                instructions: Place a test order
            """;

    public static final String CLEAR_CACHE = """
            id: clear-cache
            title: Clear and warm a cache
            description: For stale or poisoned cache entries.
            tags: [cache]
            alerts: [CacheHitRateLow]
            faultKinds: [cache-poisoning]
            componentKinds: [cache]
            parameters:
              - name: cache
                type: component
                default: catalog-cache
            steps:
              - id: clear
                type: command
                simulator: {action: clear-cache, target: "{{params.cache}}"}
              - id: warm
                type: command
                simulator: {action: warm-cache, target: "{{params.cache}}"}
            """;

    public static final String SCALE_OUT = """
            id: scale-out
            title: Scale out a service under load
            description: Add replicas when a service runs hot; restart is not the answer to load.
            tags: [capacity, checkout]
            alerts: [HighLatency]
            faultKinds: [overload]
            componentKinds: [service]
            parameters:
              - name: service
                type: component
                default: checkout
              - name: replicas
                type: integer
                default: "6"
            steps:
              - id: scale
                type: command
                simulator: {action: scale, target: "{{params.service}}", replicas: "{{params.replicas}}"}
                approval: true
            """;

    /** Does not load: its second step's type is misspelt on line 9. */
    public static final String BROKEN = """
            id: broken-runbook
            title: Broken
            steps:
              - id: one
                type: command
                command: [uptime]
              - id: two
                title: Misspelt
                type: comand
                command: [uptime]
            """;
}
