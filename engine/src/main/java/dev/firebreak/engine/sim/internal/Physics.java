package dev.firebreak.engine.sim.internal;

import dev.firebreak.engine.topology.Component;
import dev.firebreak.engine.topology.ComponentKind;
import dev.firebreak.engine.topology.SteadyLoad;
import dev.firebreak.engine.topology.Topology;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The physics of one simulated second, on primitive arrays indexed by component (and by edge).
 *
 * <p>Each tick runs three passes:
 * <ol>
 * <li><b>load</b>, callers before callees (topological order): arrivals, capacity from instances up and
 * resource faults, utilisation rho = arrival / capacity, shedding above capacity, and calls sent on
 * every edge = served x callsPerRequest x (1 + last tick's failure probability on the edge) because
 * failed calls are retried once. A cache passes on only its misses, a queue only what it drains.</li>
 * <li><b>latency and errors</b>, callees before callers: local latency is a fixed half of the service
 * time plus a variable half times the queueing factor 1 + rho^3 / (1 - rho) (M/M/c-like: flat while
 * workers are free, exploding near saturation; rho capped at {@value #RHO_CAP}). Each edge adds the
 * callee's latency capped by the edge timeout; repeated calls to one callee are sequential, different
 * callees concurrent (the slowest dominates, a quarter of the rest is serial). A call fails when the
 * callee errors, times out (tail of a shifted exponential latency), is lost on the network, is rejected
 * (clock skew, broken dependency) or cannot get a pooled connection. Failures on required edges fail
 * the request; failures on optional edges only cost time.</li>
 * <li><b>resources</b>, per component: CPU, memory (leaks, OOM kills), disk, connection pools,
 * cache warm-up, queue depth, replication lag, then the observable signals with measurement noise.</li>
 * </ol>
 * Where a pass needs a value computed later in the same tick it uses the previous tick's, a one-second
 * lag that keeps every pass a single loop.
 */
public final class Physics {

    static final double RHO_CAP = 0.98;
    private static final double FIXED_SERVICE_SHARE = 0.5;
    private static final double SERIAL_SHARE = 0.25;
    private static final double QUEUEING_EXPONENT = 3;
    private static final double FAST_FAIL_MS = 1;
    private static final double RETRY_BACKOFF_MS = 100;
    private static final double BACKGROUND_ERROR = 0.0005;
    private static final double SKEW_LEEWAY_SECONDS = 5;
    private static final double SKEW_FULL_REJECTION_SECONDS = 65;
    private static final double STUCK_CONNECTIONS_PER_TIMEOUT = 0.002;
    private static final double STUCK_RELEASE_PER_SECOND = 1.0 / 600;
    private static final double MAX_STUCK_SHARE = 0.3;
    private static final double RETRY_BUDGET = 0.1;
    private static final double POOL_SMOOTHING = 0.5;
    private static final double POOL_HEADROOM = 5;
    private static final double MIN_POOL = 25;
    private static final int CALIBRATION_PASSES = 4;
    private static final double CACHE_HIT_RATIO = SteadyLoad.CACHE_HIT_RATIO;
    private static final double CACHE_WARMUP_SECONDS = 180;
    private static final double CACHE_WARM_ACTION_HIT_RATIO = 0.85;
    private static final double QUEUE_LIMIT = 5_000_000;
    private static final double WRITE_FRACTION = SteadyLoad.REPLICA_WRITE_FRACTION;
    private static final double GC_PRESSURE_START = 85;
    private static final double DISK_FULL = 99.5;
    // Disks are provisioned in proportion to what a component serves, so they fill in proportion to its
    // utilisation, not to its absolute request count (a flat per-request rate filled the disk of a busy
    // shared database within hours): percentage points per second while running at full capacity.
    private static final double LOG_POINTS_PER_SECOND_AT_CAPACITY = 2.4e-5;
    private static final double DATA_POINTS_PER_SECOND_AT_CAPACITY = 1.2e-4;
    private static final int REPLACEMENT_DELAY = 120;
    private static final int PROCESS_RESTART = 20;
    private static final int OOM_RESTART = 30;
    private static final int INSTANCE_RESTART = 15;
    private static final int SCALE_UP_DELAY = 30;

    private final int n;
    private final int[] order;
    private final EdgeIndex edges;
    private final ComponentKind[] kind;
    private final double[] baseMs;
    private final double[] capacityPerReplica;
    private final double[] memoryBase;
    private final double[] poolSize;
    private final int[] replicasConfigured;
    private final double[] maxConnections;

    // instances
    private final int[] replicasTarget;
    private final int[] replicasBefore;
    private final long[] scaleReadyTick;
    private final int[] killed;
    private final long[] replacedTick;
    private final double[] processDown;
    private final long[] processUpTick;
    private final long[] restartDoneTick;
    private final long[] oomDoneTick;

    // state carried between ticks
    private final double[] leaked;
    private final double[] diskData;
    private final double[] diskJunk;
    // connection pools are per destination (as HTTP and database clients keep them), one per edge
    private final double[] stuck;
    private final double[] poolFail;
    private final double[] edgeInflight;
    private final double[] poolUse;
    private final double[] diskFailure;
    private final double[] hitRatio;
    private final double[] queueDepth;
    private final double[] lag;
    private final boolean[] promoted;
    private final int[] rerouteTo;
    private final double[] rerouteFraction;
    /** Share of arriving requests rejected at the door (load shedding): they never reach the component's capacity. */
    private final double[] shedAtDoor;
    private final double[] reroutedIn;
    private final double[] reroutedNext;
    private final boolean[] breakerOpen;
    private final double[] edgeFail;

    // per-tick values
    private final double[] arrival;
    private final double[] load;
    private final double[] served;
    private final double[] capacity;
    private final double[] availability;
    private final double[] serving;
    private final int[] wanted;
    private final double[] rho;
    private final double[] shed;
    private final double[] fixedMs;
    private final double[] variableMs;
    private final double[] errors;
    private final double[] edgeCalls;
    private final double[] inflight;
    private final double[] connectionsIn;
    private final double[] memory;

    // observed signals
    private final double[] outRequestRate;
    private final double[] outErrorPercent;
    private final double[] outP50;
    private final double[] outP95;
    private final double[] outP99;
    private final double[] outCpu;
    private final double[] outMemory;
    private final double[] outDisk;
    private final double[] outConnections;
    private final double[] outQueueDepth;
    private final double[] outLag;
    private final double[] outSaturation;

    private final double noiseFraction;

    public Physics(Topology topology, EdgeIndex edges, SplittableRandom setupRandom, double noiseFraction) {
        this.n = topology.size();
        this.order = topology.topologicalOrder().clone();
        this.edges = edges;
        this.noiseFraction = noiseFraction;
        kind = new ComponentKind[n];
        baseMs = new double[n];
        capacityPerReplica = new double[n];
        memoryBase = new double[n];
        poolSize = new double[edges.size()];
        replicasConfigured = new int[n];
        maxConnections = new double[n];
        replicasTarget = new int[n];
        replicasBefore = new int[n];
        scaleReadyTick = new long[n];
        killed = new int[n];
        replacedTick = new long[n];
        processDown = new double[n];
        processUpTick = new long[n];
        restartDoneTick = new long[n];
        oomDoneTick = new long[n];
        leaked = new double[n];
        diskData = new double[n];
        diskJunk = new double[n];
        stuck = new double[edges.size()];
        poolFail = new double[edges.size()];
        edgeInflight = new double[edges.size()];
        poolUse = new double[n];
        diskFailure = new double[n];
        hitRatio = new double[n];
        queueDepth = new double[n];
        lag = new double[n];
        promoted = new boolean[n];
        rerouteTo = new int[n];
        rerouteFraction = new double[n];
        shedAtDoor = new double[n];
        reroutedIn = new double[n];
        reroutedNext = new double[n];
        breakerOpen = new boolean[edges.size()];
        edgeFail = new double[edges.size()];
        arrival = new double[n];
        load = new double[n];
        served = new double[n];
        capacity = new double[n];
        availability = new double[n];
        serving = new double[n];
        wanted = new int[n];
        rho = new double[n];
        shed = new double[n];
        fixedMs = new double[n];
        variableMs = new double[n];
        errors = new double[n];
        edgeCalls = new double[edges.size()];
        inflight = new double[n];
        connectionsIn = new double[n];
        memory = new double[n];
        outRequestRate = new double[n];
        outErrorPercent = new double[n];
        outP50 = new double[n];
        outP95 = new double[n];
        outP99 = new double[n];
        outCpu = new double[n];
        outMemory = new double[n];
        outDisk = new double[n];
        outConnections = new double[n];
        outQueueDepth = new double[n];
        outLag = new double[n];
        outSaturation = new double[n];
        Arrays.fill(poolSize, Double.MAX_VALUE); // unlimited until calibrate() sizes them
        for (int c = 0; c < n; c++) {
            Component component = topology.component(c);
            kind[c] = component.kind();
            baseMs[c] = serviceTimeMs(component.kind()) * (0.8 + 0.4 * setupRandom.nextDouble());
            capacityPerReplica[c] = component.capacityPerReplica();
            replicasTarget[c] = component.replicas();
            replicasBefore[c] = component.replicas();
            memoryBase[c] = 30 + 20 * setupRandom.nextDouble();
            boolean stateful = component.kind().isStateful();
            diskData[c] = stateful ? 30 + 25 * setupRandom.nextDouble() : 10 + 15 * setupRandom.nextDouble();
            diskJunk[c] = 2 + 6 * setupRandom.nextDouble();
            hitRatio[c] = component.kind() == ComponentKind.CACHE ? CACHE_HIT_RATIO : 0;
            rerouteTo[c] = -1;
            replicasConfigured[c] = component.replicas();
            maxConnections[c] = Double.MAX_VALUE;
            lag[c] = 0.1;
        }
    }

    /** Typical unloaded service time of one request, by kind. */
    private static double serviceTimeMs(ComponentKind kind) {
        return switch (kind) {
            case GATEWAY -> 3;
            case LOAD_BALANCER -> 1;
            case SERVICE -> 15;
            case DATABASE -> 4;
            case CACHE -> 0.8;
            case QUEUE -> 2;
            case OBJECT_STORE -> 12;
            case SEARCH_INDEX -> 10;
            case HOST -> 1;
            case EXTERNAL -> 40;
        };
    }

    /**
     * Sizes connection pools from a fault-free steady state at the given entry load (the design peak):
     * {@value #POOL_HEADROOM} times the connections in use then, as teams provision them.
     */
    public void calibrate(double[] entryLoad, FaultEffects noFaults) {
        // Several passes, not one: a replica's write load comes from its primary, which the topological
        // order may put after it, and retries depend on the previous pass's failures. One pass sized the
        // pools of a busy replica's callers for the replica without its writes, and they refused calls
        // once it was really that busy.
        for (int pass = 0; pass < CALIBRATION_PASSES; pass++) {
            flowLoad(0, entryLoad, noFaults);
            flowLatency(noFaults);
        }
        for (int c = 0; c < n; c++) {
            // a read-through cache sizes its backend pool for a cold start, when every read misses
            double coldFactor = 1 / (1 - hitRatio[c]);
            for (int e = edges.start(c); e < edges.end(c); e++) {
                poolSize[e] = Math.max(MIN_POOL * replicasConfigured[c], POOL_HEADROOM * edgeInflight[e] * coldFactor);
            }
            maxConnections[c] = Math.max(MIN_POOL * 5, POOL_HEADROOM * connectionsIn[c]);
        }
        Arrays.fill(edgeFail, 0);
        Arrays.fill(stuck, 0);
        Arrays.fill(reroutedIn, 0);
        Arrays.fill(reroutedNext, 0);
        Arrays.fill(queueDepth, 0);
    }

    /** Runs one tick. Entry load is indexed by component (zero except at entry points). */
    public void step(long tick, double[] entryLoad, FaultEffects fx, SplittableRandom noise) {
        flowLoad(tick, entryLoad, fx);
        flowLatency(fx);
        evolveResources(tick, fx);
        observe(fx, noise);
    }

    // ---------------------------------------------------------------- pass 1: load

    private void flowLoad(long tick, double[] entryLoad, FaultEffects fx) {
        System.arraycopy(entryLoad, 0, arrival, 0, n);
        double[] swap = reroutedIn;
        System.arraycopy(reroutedNext, 0, swap, 0, n);
        Arrays.fill(reroutedNext, 0);
        for (int i = 0; i < n; i++) {
            int c = order[i];
            double a = arrival[c] + reroutedIn[c];
            int replicaOf = edges.replicaOf(c);
            if (replicaOf >= 0 && !promoted[c]) {
                a += WRITE_FRACTION * served[replicaOf]; // applying the primary's writes is work too
            }
            if (rerouteTo[c] >= 0 && rerouteFraction[c] > 0) {
                double moved = a * rerouteFraction[c];
                reroutedNext[rerouteTo[c]] += moved; // arrives next tick: the alternative may already be done
                a -= moved;
            }
            a *= 1 - shedAtDoor[c];
            load[c] = a;
            double up = instancesUp(c, tick);
            double nominal = instancesNominal(c, tick);
            availability[c] = nominal > 0 ? Math.min(1, up / nominal) : 0;
            serving[c] = up;
            wanted[c] = (int) nominal;
            double cap = capacityPerReplica[c] * up * (1 - fx.cpuStolen[c] / 100) * Math.min(1, 2 * fx.bandwidth[c]);
            capacity[c] = cap;
            double downstream;
            if (cap <= 0) {
                rho[c] = a > 0 ? 10 : 0;
                shed[c] = 1;
                served[c] = 0;
                downstream = 0;
            } else {
                double r = a / cap;
                rho[c] = r;
                double s = r > 1 ? 1 - 1 / r : 0;
                if (kind[c] == ComponentKind.QUEUE && queueDepth[c] >= QUEUE_LIMIT) {
                    s = 1; // the broker rejects producers when full
                }
                shed[c] = s;
                served[c] = a * (1 - s);
                downstream = kind[c] == ComponentKind.QUEUE ? drain(c) : served[c] * (1 - hitRatio[c]);
            }
            for (int e = edges.start(c); e < edges.end(c); e++) {
                // clients retry failed calls once, within a retry budget (as Envoy and Finagle do), so a
                // failing callee sees more load, but a retry storm cannot multiply load without bound
                double retries = Math.min(RETRY_BUDGET, edgeFail[e]);
                // calls refused for want of a pooled connection never reach the callee
                double calls = breakerOpen[e] ? 0
                        : downstream * edges.callsPerRequest[e] * (1 + retries) * (1 - poolFail[e]);
                edgeCalls[e] = calls;
                int callee = edges.callee[e];
                arrival[callee] += calls;
            }
        }
    }

    /** What a queue hands its consumers this second: the slowest consumer's healthy throughput caps it. */
    private double drain(int q) {
        double maxDrain = Double.MAX_VALUE;
        for (int e = edges.start(q); e < edges.end(q); e++) {
            int consumer = edges.callee[e];
            // consumer values are last tick's: they come later in the order
            double throughput = capacity[consumer] * (1 - errors[consumer]) / edges.callsPerRequest[e];
            maxDrain = Math.min(maxDrain, Math.max(0, throughput));
        }
        double available = queueDepth[q] + served[q];
        double drained = Math.min(available, maxDrain);
        queueDepth[q] = Math.min(QUEUE_LIMIT, available - drained);
        return drained;
    }

    private double instancesNominal(int c, long tick) {
        return tick >= scaleReadyTick[c] ? replicasTarget[c] : Math.min(replicasTarget[c], replicasBefore[c]);
    }

    private double instancesUp(int c, long tick) {
        if (tick < oomDoneTick[c]) {
            return 0;
        }
        if (killed[c] > 0 && tick >= replacedTick[c]) {
            killed[c] = 0;
        }
        double up = instancesNominal(c, tick) - killed[c];
        if (tick < restartDoneTick[c]) {
            up -= 1;
        }
        up = Math.max(0, up);
        return tick < processUpTick[c] ? up * (1 - processDown[c]) : up;
    }

    // ---------------------------------------------------------------- pass 2: latency and errors

    private void flowLatency(FaultEffects fx) {
        Arrays.fill(connectionsIn, 0);
        for (int i = n - 1; i >= 0; i--) {
            int c = order[i];
            double gc = memory[c] > GC_PRESSURE_START ? 1 + 3 * (memory[c] - GC_PRESSURE_START) / (100 - GC_PRESSURE_START) : 1;
            double service = baseMs[c] * gc;
            // half of the service time is fixed work and network, half varies and queues
            double d = FIXED_SERVICE_SHARE * service + fx.injectedMs[c]
                    + (fx.bandwidth[c] < 1 ? service * (1 / fx.bandwidth[c] - 1) * 0.5 : 0);
            double v = (1 - FIXED_SERVICE_SHARE) * service * queueingFactor(rho[c]);
            double slowestFixed = 0;
            double slowestVariable = 0;
            double restFixed = 0;
            double restVariable = 0;
            double localError = 1 - (1 - shed[c]) * (1 - fx.failingFraction[c]) * (1 - skewRejection(fx.skewSeconds[c]))
                    * (1 - diskFailure[c]) * (1 - BACKGROUND_ERROR);
            double ok = 1;
            double connections = 0;
            double callFactor = 1 - hitRatio[c]; // a cache only goes behind itself on a miss
            boolean async = kind[c] == ComponentKind.QUEUE; // producers never wait for consumers
            for (int e = edges.start(c); e < edges.end(c); e++) {
                int callee = edges.callee[e];
                double calls = edges.callsPerRequest[e] * callFactor;
                if (breakerOpen[e]) {
                    edgeFail[e] = 0;
                    edgeInflight[e] = 0; // no call is made, so none holds a pooled connection
                    if (edges.required[e] && !async) {
                        ok *= successShare(calls, 1); // fail fast: no waiting, no load on the callee
                    }
                    continue;
                }
                double calleeError = errors[callee];
                double calleeFixed = fixedMs[callee];
                double calleeVariable = variableMs[callee];
                double calleeLoss = fx.packetLoss[callee];
                int alternative = rerouteTo[callee];
                if (alternative >= 0 && rerouteFraction[callee] > 0) {
                    double f = rerouteFraction[callee];
                    calleeError = (1 - f) * calleeError + f * errors[alternative];
                    calleeFixed = (1 - f) * calleeFixed + f * fixedMs[alternative];
                    calleeVariable = (1 - f) * calleeVariable + f * variableMs[alternative];
                    // a rerouted call crosses the alternative's network, not the network of the node it was meant for
                    calleeLoss = (1 - f) * calleeLoss + f * fx.packetLoss[alternative];
                }
                double timeout = edges.timeoutMs[e];
                double pTimeout = calleeFixed >= timeout ? 1
                        : Math.exp(-(timeout - calleeFixed) / Math.max(1e-3, calleeVariable));
                // lost packets, a partition or a broken dependency leave the caller waiting for its timeout
                double pHang = 1 - (1 - fx.packetLoss[c]) * (1 - calleeLoss) * (1 - fx.edgePartition[e])
                        * (1 - fx.edgeDependencyFailure[e]);
                double pFast = 1 - (1 - calleeError) * (1 - skewRejection(fx.skewSeconds[c])) * (1 - poolFail[e]);
                double pSlow = 1 - (1 - pHang) * (1 - pTimeout);
                double f = 1 - (1 - pSlow) * (1 - pFast);
                edgeFail[e] = f;
                double mean = calleeFixed + calleeVariable;
                double answered = (1 - pSlow) * (pFast * FAST_FAIL_MS + (1 - pFast) * Math.min(mean, timeout));
                double waited = pSlow * timeout; // a fixed wait, not part of the callee's latency spread
                double retried = Math.min(RETRY_BUDGET, f);
                double repeat = 1 + retried;
                double perCall = (answered + waited) * repeat + retried * RETRY_BACKOFF_MS;
                double fixedShare = mean > 0 ? Math.min(calleeFixed, timeout) / Math.max(mean, 1e-9) : 0;
                double fixedPerCall = waited * repeat + retried * RETRY_BACKOFF_MS + answered * repeat * Math.min(1, fixedShare);
                double callConnections = edgeCalls[e] * perCall / 1000; // Little's law
                connections += callConnections;
                addConnectionsTo(callee, callConnections);
                edgeInflight[e] = callConnections;
                stuck[e] += edgeCalls[e] * pSlow * STUCK_CONNECTIONS_PER_TIMEOUT;
                if (async) {
                    continue;
                }
                // repeated calls to one callee are sequential; different callees are called concurrently
                double edgeFixed = calls * fixedPerCall;
                double edgeVariable = calls * (perCall - fixedPerCall);
                if (edgeFixed + edgeVariable > slowestFixed + slowestVariable) {
                    restFixed += slowestFixed;
                    restVariable += slowestVariable;
                    slowestFixed = edgeFixed;
                    slowestVariable = edgeVariable;
                } else {
                    restFixed += edgeFixed;
                    restVariable += edgeVariable;
                }
                if (edges.required[e]) {
                    ok *= successShare(calls, f - retried * (1 - f)); // retried calls get a second chance
                }
            }
            inflight[c] = connections;
            // the slowest branch dominates; a share of the rest is serial (auth before the page, say)
            fixedMs[c] = d + slowestFixed + SERIAL_SHARE * restFixed;
            variableMs[c] = v + slowestVariable + SERIAL_SHARE * restVariable;
            errors[c] = Math.min(1, 1 - (1 - localError) * ok);
        }
    }

    private void addConnectionsTo(int callee, double connections) {
        int alternative = rerouteTo[callee];
        if (alternative >= 0 && rerouteFraction[callee] > 0) {
            double f = rerouteFraction[callee];
            connectionsIn[alternative] += f * connections;
            connectionsIn[callee] += (1 - f) * connections;
        } else {
            connectionsIn[callee] += connections;
        }
    }

    /**
     * Latency multiplier from waiting in line: an M/M/c-like curve that stays near 1 while there are free
     * workers and grows like 1 / (1 - rho) as utilisation nears 1 (rho capped so it stays finite).
     */
    static double queueingFactor(double rho) {
        double r = Math.min(rho, RHO_CAP);
        return 1 + Math.pow(r, QUEUEING_EXPONENT) / (1 - r);
    }

    /** Share of requests whose calls all succeed; fractional fan-out means only some requests call. */
    private static double successShare(double calls, double failure) {
        if (calls <= 0) {
            return 1;
        }
        return calls >= 1 ? Math.pow(1 - failure, calls) : 1 - calls * failure;
    }

    /** Tokens and signatures carry timestamps; clients tolerate a leeway that varies between them. */
    private static double skewRejection(double skewSeconds) {
        if (skewSeconds <= SKEW_LEEWAY_SECONDS) {
            return 0;
        }
        return Math.min(1, (skewSeconds - SKEW_LEEWAY_SECONDS) / (SKEW_FULL_REJECTION_SECONDS - SKEW_LEEWAY_SECONDS));
    }

    // ---------------------------------------------------------------- pass 3: resources

    private void evolveResources(long tick, FaultEffects fx) {
        for (int c = 0; c < n; c++) {
            boolean running = tick >= oomDoneTick[c];
            if (running) {
                leaked[c] += fx.leakPerSecond[c];
            }
            double m = memoryBase[c] + 8 * Math.min(1, rho[c]) + leaked[c] + fx.memoryPressure[c] + 30 * hitRatio[c];
            if (running && m >= 100) {
                // out of memory: the kernel kills the process; it restarts empty, so a leak starts over
                oomDoneTick[c] = tick + OOM_RESTART;
                leaked[c] = 0;
                hitRatio[c] = 0;
                clearPools(c);
                running = false;
            }
            memory[c] = running ? Math.min(100, m) : memoryBase[c] * 0.5;
            double work = served[c] / (capacityPerReplica[c] * replicasConfigured[c]);
            diskJunk[c] += fx.diskFillPerSecond[c] + work * LOG_POINTS_PER_SECOND_AT_CAPACITY;
            if (kind[c].isStateful()) {
                diskData[c] += work * DATA_POINTS_PER_SECOND_AT_CAPACITY;
            }
            double disk = Math.min(100, diskData[c] + diskJunk[c]);
            diskFailure[c] = disk >= DISK_FULL ? (kind[c].isStateful() ? 0.95 : 0.3) : 0;
            if (kind[c] == ComponentKind.CACHE && running && hitRatio[c] < CACHE_HIT_RATIO) {
                hitRatio[c] += (CACHE_HIT_RATIO - hitRatio[c]) / CACHE_WARMUP_SECONDS;
            }
            // connections abandoned on timeout linger (half-open) until idle reaping, a reset or a restart
            double worstPool = 0;
            for (int e = edges.start(c); e < edges.end(c); e++) {
                // connections abandoned on timeout linger (half-open) until idle reaping, a reset or a restart
                stuck[e] = Math.min(MAX_STUCK_SHARE * poolSize[e], stuck[e] * (1 - STUCK_RELEASE_PER_SECOND));
                // demand counts the calls refused for want of a connection last tick too, so the refused
                // share settles where the pool is exactly full instead of oscillating
                double demand = (edgeInflight[e] / Math.max(0.05, 1 - poolFail[e]) + stuck[e]) / poolSize[e];
                double refused = demand > 1 ? 1 - 1 / demand : 0;
                poolFail[e] += POOL_SMOOTHING * (refused - poolFail[e]);
                worstPool = Math.max(worstPool, (edgeInflight[e] + stuck[e]) / poolSize[e]);
            }
            poolUse[c] = worstPool;
            int primary = edges.replicaOf(c);
            if (primary >= 0) {
                lag[c] = promoted[c] ? 0 : nextLag(c, fx);
            }
        }
    }

    private double nextLag(int replica, FaultEffects fx) {
        double r = rho[replica];
        double l = lag[replica];
        double target = 0.05 + 0.5 * Math.min(1, r) * Math.min(1, r);
        if (fx.replicaPartition[replica] > 0 || capacity[replica] <= 0) {
            return l + Math.max(fx.replicaPartition[replica], capacity[replica] <= 0 ? 1 : 0);
        }
        if (r > 1) {
            return l + (r - 1); // writes arrive faster than the replica applies them
        }
        // catching up: the backlog drains at the spare capacity
        return Math.max(target, l - Math.max(0.2, (1 - r) * 5));
    }

    private void observe(FaultEffects fx, SplittableRandom random) {
        double jitter = noiseFraction * 0.5;
        for (int c = 0; c < n; c++) {
            double cpu = fx.cpuStolen[c] + (100 - fx.cpuStolen[c]) * (0.03 + 0.87 * Math.min(1, rho[c]));
            if (memory[c] > GC_PRESSURE_START) {
                cpu += 2 * (memory[c] - GC_PRESSURE_START);
            }
            if (capacity[c] <= 0) {
                cpu = fx.cpuStolen[c];
            }
            double d = fixedMs[c];
            double v = variableMs[c];
            double latencyNoise = Math.max(0.3, 1 + jitter * random.nextGaussian());
            outRequestRate[c] = Math.max(0, load[c] * (1 + 0.2 * jitter * random.nextGaussian()));
            outErrorPercent[c] = clamp(100 * errors[c] * (1 + jitter * random.nextGaussian()), 0, 100);
            outP50[c] = (d + v * 0.693) * latencyNoise;
            outP95[c] = (d + v * 3.0) * latencyNoise;
            outP99[c] = (d + v * 4.6) * latencyNoise;
            outCpu[c] = clamp(cpu * (1 + 0.5 * jitter * random.nextGaussian()), 0, 100);
            outMemory[c] = clamp(memory[c] + 0.3 * jitter * random.nextGaussian(), 0, 100);
            outDisk[c] = Math.min(100, diskData[c] + diskJunk[c]);
            double connections = kind[c] == ComponentKind.DATABASE
                    ? connectionsIn[c] / maxConnections[c]
                    : poolUse[c];
            outConnections[c] = clamp(100 * connections, 0, 100);
            outQueueDepth[c] = queueDepth[c];
            outLag[c] = lag[c] * (1 + jitter * Math.abs(random.nextGaussian()));
            double saturation = Math.max(Math.min(1.5, rho[c]), Math.max(memory[c], outDisk[c]) / 100);
            outSaturation[c] = Math.max(saturation, Math.min(1.5, connections));
        }
    }

    private static double clamp(double value, double min, double max) {
        return value < min ? min : Math.min(max, value);
    }

    // ---------------------------------------------------------------- one-off effects (faults and actions)

    public void killInstances(int c, int count, long tick) {
        killed[c] = (int) Math.min(instancesNominal(c, tick), (long) killed[c] + count);
        replacedTick[c] = tick + REPLACEMENT_DELAY;
    }

    public void killProcesses(int c, double fraction, long tick) {
        processDown[c] = FaultEffects.orProbability(tick < processUpTick[c] ? processDown[c] : 0, fraction);
        processUpTick[c] = tick + PROCESS_RESTART;
    }

    /** Restarting clears what a process accumulates: leaked memory, stuck connections, a cache's contents. */
    public void restartInstance(int c, long tick) {
        restartDoneTick[c] = tick + INSTANCE_RESTART;
        leaked[c] = 0;
        clearPools(c);
        if (kind[c] == ComponentKind.CACHE) {
            hitRatio[c] = 0;
        }
    }

    public void scale(int c, int replicas, long tick) {
        replicasBefore[c] = (int) instancesNominal(c, tick);
        replicasTarget[c] = replicas;
        scaleReadyTick[c] = replicas > replicasBefore[c] ? tick + SCALE_UP_DELAY : tick;
    }

    public void circuitBreaker(int edge, boolean open) {
        breakerOpen[edge] = open;
    }

    public void cache(int c, boolean warm) {
        hitRatio[c] = warm ? Math.max(hitRatio[c], CACHE_WARM_ACTION_HIT_RATIO) : 0;
    }

    /** The replica becomes the primary: every caller's traffic for the old primary now reaches it. */
    public void failover(int primary, int replica) {
        promoted[replica] = true;
        rerouteTo[primary] = replica;
        rerouteFraction[primary] = 1;
    }

    public boolean isFailedOver(int primary) {
        return rerouteTo[primary] >= 0 && rerouteFraction[primary] >= 1 && promoted[rerouteTo[primary]];
    }

    public void shedLoad(int c, double fraction) {
        shedAtDoor[c] = fraction;
    }

    public void reroute(int c, int alternative, double fraction) {
        rerouteTo[c] = fraction > 0 ? alternative : -1;
        rerouteFraction[c] = fraction;
    }

    /** Deletes logs and temporary files; the data itself stays. */
    public void cleanDisk(int c) {
        diskJunk[c] = 0;
        diskFailure[c] = 0;
    }

    public void resetConnectionPool(int c) {
        clearPools(c);
    }

    private void clearPools(int c) {
        for (int e = edges.start(c); e < edges.end(c); e++) {
            stuck[e] = 0;
            poolFail[e] = 0;
        }
    }

    // ---------------------------------------------------------------- observed signals

    public double requestRate(int c) { return outRequestRate[c]; }
    public double errorPercent(int c) { return outErrorPercent[c]; }
    public double latencyP50(int c) { return outP50[c]; }
    public double latencyP95(int c) { return outP95[c]; }
    public double latencyP99(int c) { return outP99[c]; }
    public double cpu(int c) { return outCpu[c]; }
    public double memory(int c) { return outMemory[c]; }
    public double diskUsed(int c) { return outDisk[c]; }
    public double connections(int c) { return outConnections[c]; }
    public double queueDepth(int c) { return outQueueDepth[c]; }
    public double replicationLag(int c) { return outLag[c]; }
    public double saturation(int c) { return outSaturation[c]; }
    public double availability(int c) { return availability[c]; }
    /** Instances serving this tick (fractional while some of their processes are down). */
    public double instancesServing(int c) { return serving[c]; }
    /** Instances the component should have this tick (its replicas, or its scale target once ready). */
    public int instancesWanted(int c) { return wanted[c]; }
    public double errorFraction(int c) { return errors[c]; }
    /** Share of a call edge's calls that failed or timed out this tick, as its caller saw them (an open breaker: all). */
    public double callFailedShare(int edge) { return breakerOpen[edge] ? 1 : edgeFail[edge]; }
    public double hitRatio(int c) { return hitRatio[c]; }
    public boolean breakerOpen(int edge) { return breakerOpen[edge]; }
}
