package dev.firebreak.engine.notify;

import dev.firebreak.engine.check.TaskScheduler;
import dev.firebreak.engine.lifecycle.EngineService;
import dev.firebreak.engine.notify.internal.ChannelLane;
import dev.firebreak.engine.notify.internal.Delivery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends incident notifications to the configured channels (Slack, PagerDuty, Opsgenie, generic webhooks) without
 * ever blocking the caller, and reports how each delivery ended to a {@link DeliveryListener}.
 *
 * <p>{@link #submit} routes a notification to every channel whose priorities and kinds match, queues it there and
 * returns those channels' names; each of them later reports exactly one {@link DeliveryOutcome}. Each channel
 * delivers in submission order, one at a time, with its own timeouts, retries (exponential backoff with jitter,
 * {@code Retry-After} honoured), token-bucket rate limit and circuit breaker; see {@link ChannelConfig} and
 * ADR 0026. Requests run on the attempt executor, backoff waits are tasks on the retry scheduler (no thread
 * sleeps), outcomes reach the listener on one outcome thread; tests replace all three and the clock.
 *
 * <pre>{@code
 * NotificationDispatcher notifier = NotificationDispatcher.start(
 *         NotificationConfigLoader.load(dataDir.resolve("notifications.yaml"),
 *                 SecretResolver.of(dataDir.resolve("secrets.properties"))),
 *         outcome -> incidents.record(outcome));
 * notifier.submit(notification);
 * }</pre>
 */
@EngineService
public final class NotificationDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final Map<String, ChannelLane> lanes = new LinkedHashMap<>();
    private final DeliveryListener listener;
    private final Clock clock;
    private final Executor listenerExecutor;
    private final List<ExecutorService> owned;
    private final OkHttpClient http;
    private volatile boolean closed;

    private NotificationDispatcher(Builder builder) {
        this.listener = builder.listener;
        this.clock = builder.clock;
        List<ExecutorService> ownedExecutors = new ArrayList<>();
        Executor attempts = builder.attemptExecutor;
        if (attempts == null) {
            ExecutorService virtual = Executors.newThreadPerTaskExecutor(
                    Thread.ofVirtual().name("firebreak-notify-", 0).factory());
            ownedExecutors.add(virtual);
            attempts = virtual;
        }
        TaskScheduler retries = builder.retryScheduler;
        if (retries == null) {
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("firebreak-notify-retry").daemon(true).factory());
            ownedExecutors.add(timer);
            retries = TaskScheduler.of(timer);
        }
        Executor outcomes = builder.listenerExecutor;
        if (outcomes == null) {
            ExecutorService single = Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().name("firebreak-notify-outcomes").daemon(true).factory());
            ownedExecutors.add(single);
            outcomes = single;
        }
        this.listenerExecutor = outcomes;
        this.owned = List.copyOf(ownedExecutors);
        // our retries, not OkHttp's; and no redirects: a redirected webhook must not carry its body elsewhere
        this.http = new OkHttpClient.Builder().retryOnConnectionFailure(false).followRedirects(false)
                .followSslRedirects(false).build();
        try {
            for (ChannelConfig channel : builder.config.channels()) {
                lanes.put(channel.name(), new ChannelLane(channel, http, clock, attempts, retries, builder.random,
                        this::publish, this::publishBreakerMove));
            }
        } catch (RuntimeException e) {
            owned.forEach(ExecutorService::shutdownNow);
            throw e;
        }
    }

    /** A dispatcher on the system clock with its own threads. */
    public static NotificationDispatcher start(NotificationConfig config, DeliveryListener listener) {
        return builder(config, listener).build();
    }

    public static Builder builder(NotificationConfig config, DeliveryListener listener) {
        return new Builder(config, listener);
    }

    /**
     * Queues {@code notification} for every channel that takes its priority and kind, and returns at once.
     *
     * @return the names of those channels, in config order; each reports exactly one outcome, none if empty
     * @throws IllegalStateException after {@link #close()}
     */
    public Set<String> submit(Notification notification) {
        Objects.requireNonNull(notification, "notification");
        if (closed) {
            throw new IllegalStateException("the notification dispatcher is closed");
        }
        Instant now = clock.instant();
        Set<String> routed = new LinkedHashSet<>();
        for (ChannelLane lane : lanes.values()) {
            if (lane.config().accepts(notification)) {
                routed.add(lane.name());
                lane.offer(new Delivery(notification, UUID.randomUUID().toString(), now));
            }
        }
        return Collections.unmodifiableSet(routed);
    }

    /** The channels, in config order. */
    public List<String> channels() {
        return List.copyOf(lanes.keySet());
    }

    /** A channel's breaker now (an open breaker past its cool-down reads HALF_OPEN); empty for an unknown name. */
    public Optional<BreakerState> breakerState(String channel) {
        return Optional.ofNullable(lanes.get(channel)).map(ChannelLane::breakerState);
    }

    /**
     * Stops delivering: what is queued or waiting to retry ends as {@link DeliveryStatus#DROPPED_SHUTDOWN},
     * requests in flight are cancelled, and the outcomes still reach the listener before its thread stops.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        lanes.values().forEach(ChannelLane::close);
        for (ExecutorService executor : owned) {
            if (executor != listenerExecutor) {
                executor.shutdownNow();
            }
        }
        for (ExecutorService executor : owned) {
            if (executor != listenerExecutor) {
                await(executor);
            }
        }
        if (listenerExecutor instanceof ExecutorService outcomes && owned.contains(outcomes)) {
            outcomes.shutdown();
            await(outcomes);
        }
        http.connectionPool().evictAll();
    }

    private static void await(ExecutorService executor) {
        try {
            if (!executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Notification threads did not stop within {} s", CLOSE_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void publish(DeliveryOutcome outcome) {
        try {
            listenerExecutor.execute(() -> {
                try {
                    listener.outcome(outcome);
                } catch (RuntimeException e) {
                    LOG.warn("Notification listener failed on the outcome of channel {} for {}", outcome.channel(),
                            outcome.notification().incidentId(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("Notification channel {}: outcome {} for {} came after close and was not reported",
                    outcome.channel(), outcome.status(), outcome.notification().incidentId());
        }
    }

    private void publishBreakerMove(String channel, BreakerState from, BreakerState to, Instant at) {
        try {
            listenerExecutor.execute(() -> {
                try {
                    listener.breakerMoved(channel, from, to, at);
                } catch (RuntimeException e) {
                    LOG.warn("Notification listener failed on a breaker move of channel {}", channel, e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Breaker move of channel {} after close not reported", channel);
        }
    }

    /** Everything but the config and listener has a production default. */
    public static final class Builder {
        private final NotificationConfig config;
        private final DeliveryListener listener;
        private Clock clock = Clock.systemUTC();
        private Executor attemptExecutor;
        private TaskScheduler retryScheduler;
        private Executor listenerExecutor;
        private RandomGenerator random = new Random();

        private Builder(NotificationConfig config, DeliveryListener listener) {
            this.config = Objects.requireNonNull(config, "config");
            this.listener = Objects.requireNonNull(listener, "listener");
        }

        /** Rate limits, breaker cool-downs, {@code Retry-After} dates and outcome times; default the system clock. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Runs the HTTP requests (they block); default one virtual thread per request. Not shut down by close. */
        public Builder attemptExecutor(Executor value) {
            this.attemptExecutor = Objects.requireNonNull(value, "attemptExecutor");
            return this;
        }

        /** Runs a retry after its backoff; default a single timer thread. */
        public Builder retryScheduler(TaskScheduler value) {
            this.retryScheduler = Objects.requireNonNull(value, "retryScheduler");
            return this;
        }

        /** Calls the listener; default one daemon thread. Not shut down by close when given here. */
        public Builder listenerExecutor(Executor value) {
            this.listenerExecutor = Objects.requireNonNull(value, "listenerExecutor");
            return this;
        }

        /** Draws the jitter of backoffs; used under a lock, so any generator will do. */
        public Builder random(RandomGenerator value) {
            this.random = Objects.requireNonNull(value, "random");
            return this;
        }

        public NotificationDispatcher build() {
            return new NotificationDispatcher(this);
        }
    }
}
