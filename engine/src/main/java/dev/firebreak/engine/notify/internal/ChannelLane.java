package dev.firebreak.engine.notify.internal;

import dev.firebreak.engine.check.TaskScheduler;
import dev.firebreak.engine.notify.BreakerState;
import dev.firebreak.engine.notify.ChannelConfig;
import dev.firebreak.engine.notify.DeliveryOutcome;
import dev.firebreak.engine.notify.DeliveryStatus;
import dev.firebreak.engine.time.Durations;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers to one channel, one delivery at a time and in submission order, so an acknowledgement never overtakes
 * its trigger, even across retries. A delivery waiting for its backoff holds the lane but no thread: the wait is a
 * task on the {@link TaskScheduler}, and the attempts run on the executor. The queue is bounded; a delivery
 * that does not fit ends at once as {@link DeliveryStatus#DROPPED_QUEUE_FULL}.
 *
 * <p>Per delivery: the breaker is asked before every attempt, the rate limit before the first; 2xx delivers,
 * another 4xx than 429 fails at once, 429, 5xx and no answer are retried up to {@code retry.maxAttempts}, after
 * the vendor's {@code Retry-After} or the exponential backoff. Every text leaving the lane (outcome reason, log
 * line) is masked with the channel's {@link SecretMasker}.
 */
public final class ChannelLane {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelLane.class);
    private static final int BODY_EXCERPT_BYTES = 1024;
    private static final int REASON_EXCERPT_CHARS = 200;

    /** Told of breaker moves; the dispatcher forwards them to its listener. */
    @FunctionalInterface
    public interface BreakerListener {
        void moved(String channel, BreakerState from, BreakerState to, Instant at);
    }

    private enum Step { DONE, WAITING }

    private final ChannelConfig config;
    private final ChannelProtocol protocol;
    private final OkHttpClient client;
    private final TokenBucket bucket;
    private final CircuitBreaker breaker;
    private final SecretMasker masker;
    private final Clock clock;
    private final Executor executor;
    private final TaskScheduler scheduler;
    private final RandomGenerator random;
    private final Consumer<DeliveryOutcome> outcomes;

    private final ArrayDeque<Delivery> queue = new ArrayDeque<>();
    private boolean running;
    private boolean closed;
    private Delivery waiting;
    private TaskScheduler.Scheduled waitingTask;
    private Call inFlight;

    public ChannelLane(ChannelConfig config, OkHttpClient baseClient, Clock clock, Executor executor,
            TaskScheduler scheduler, RandomGenerator random, Consumer<DeliveryOutcome> outcomes,
            BreakerListener breakerListener) {
        this.config = Objects.requireNonNull(config, "config");
        this.protocol = ChannelProtocol.of(config.target());
        this.client = baseClient.newBuilder()
                .connectTimeout(config.timeouts().connect())
                .readTimeout(config.timeouts().read())
                .writeTimeout(config.timeouts().read())
                .callTimeout(config.timeouts().call())
                .build();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bucket = new TokenBucket(config.rateLimit(), clock);
        this.masker = SecretMasker.of(config.target().secrets());
        this.executor = Objects.requireNonNull(executor, "executor");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.random = Objects.requireNonNull(random, "random");
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
        Objects.requireNonNull(breakerListener, "breakerListener");
        this.breaker = new CircuitBreaker(config.breaker(), clock, (from, to) -> {
            Instant at = clock.instant();
            if (to == BreakerState.OPEN) {
                LOG.warn("Notification channel {}: circuit breaker {} -> OPEN; deliveries are skipped for {}",
                        config.name(), from, Durations.format(config.breaker().coolDown()));
            } else {
                LOG.info("Notification channel {}: circuit breaker {} -> {}", config.name(), from, to);
            }
            breakerListener.moved(config.name(), from, to, at);
        });
    }

    public String name() {
        return config.name();
    }

    public ChannelConfig config() {
        return config;
    }

    public BreakerState breakerState() {
        return breaker.state();
    }

    /** Queues a delivery; never blocks. A full queue or a closed lane settles it at once. */
    public void offer(Delivery delivery) {
        boolean accepted;
        boolean shut;
        synchronized (this) {
            shut = closed;
            accepted = !closed && queue.size() < config.queueCapacity();
            if (accepted) {
                queue.add(delivery);
            }
        }
        if (shut) {
            finish(delivery, DeliveryStatus.DROPPED_SHUTDOWN, "the dispatcher was closed");
        } else if (!accepted) {
            finish(delivery, DeliveryStatus.DROPPED_QUEUE_FULL, "the queue of " + config.queueCapacity()
                    + " deliveries waiting for this channel was full");
        } else {
            kick();
        }
    }

    private void kick() {
        synchronized (this) {
            if (running || queue.isEmpty() || closed) {
                return;
            }
            running = true;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            close();
        }
    }

    private void drain() {
        while (true) {
            Delivery next;
            synchronized (this) {
                next = queue.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            if (process(next) == Step.WAITING) {
                return;
            }
        }
    }

    private void resume(Delivery delivery) {
        synchronized (this) {
            if (waiting == delivery) {
                waiting = null;
                waitingTask = null;
            }
        }
        try {
            executor.execute(() -> {
                if (process(delivery) == Step.DONE) {
                    drain();
                }
            });
        } catch (RejectedExecutionException e) {
            finish(delivery, DeliveryStatus.DROPPED_SHUTDOWN, "the dispatcher was closed while waiting to retry");
            close();
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private Step process(Delivery delivery) {
        try {
            return attemptOnce(delivery);
        } catch (RuntimeException e) {
            // a bug must not leave the delivery unreported or the lane stuck with running set
            LOG.error("Notification channel {}: delivery of {} failed unexpectedly: {}", config.name(),
                    delivery.notification().incidentId(), masker.mask(String.valueOf(e.getMessage())));
            finish(delivery, DeliveryStatus.FAILED, "internal error: " + e.getClass().getSimpleName());
            return Step.DONE;
        }
    }

    private Step attemptOnce(Delivery delivery) {
        if (isClosed()) {
            finish(delivery, DeliveryStatus.DROPPED_SHUTDOWN, "the dispatcher was closed before delivery");
            return Step.DONE;
        }
        CircuitBreaker.Permit permit = breaker.tryAcquire();
        if (!permit.allowed()) {
            finish(delivery, DeliveryStatus.SKIPPED_BREAKER_OPEN, "circuit breaker open after "
                    + config.breaker().failureThreshold() + " consecutive failed requests, until " + permit.openUntil()
                    + (delivery.attempts() > 0 ? "; last attempt: " + delivery.lastReason() : ""));
            return Step.DONE;
        }
        if (delivery.attempts() == 0 && !bucket.tryAcquire()) {
            finish(delivery, DeliveryStatus.DROPPED_RATE_LIMITED, "rate limit of " + config.rateLimit().permits()
                    + " per " + Durations.format(config.rateLimit().per()) + " used up; next permit in "
                    + Durations.format(bucket.untilNextPermit()));
            return Step.DONE;
        }
        AttemptResult result = attempt(delivery);
        delivery.attempted(result);
        if (result.kind() != AttemptResult.Kind.ACCEPTED && isClosed()) {
            finish(delivery, DeliveryStatus.DROPPED_SHUTDOWN, "the dispatcher was closed during the request");
            return Step.DONE;
        }
        if (result.kind().endpointFailure) {
            breaker.onFailure();
        } else {
            breaker.onSuccess();
        }
        return switch (result.kind()) {
            case ACCEPTED -> {
                finish(delivery, DeliveryStatus.DELIVERED, "");
                yield Step.DONE;
            }
            case REFUSED -> {
                finish(delivery, DeliveryStatus.FAILED, result.reason() + "; not retried: the vendor refused the request");
                yield Step.DONE;
            }
            case THROTTLED, SERVER_ERROR, NO_ANSWER -> retryLater(delivery, result);
        };
    }

    private Step retryLater(Delivery delivery, AttemptResult result) {
        int attempts = delivery.attempts();
        if (attempts >= config.retry().maxAttempts()) {
            finish(delivery, DeliveryStatus.FAILED, "gave up after " + attempts + (attempts == 1 ? " attempt" : " attempts")
                    + "; last: " + result.reason());
            return Step.DONE;
        }
        Duration wait;
        if (result.retryAfter().isPresent()) {
            wait = result.retryAfter().get();
            if (wait.compareTo(config.retry().maxBackoff()) > 0) {
                finish(delivery, DeliveryStatus.FAILED, result.reason() + "; the vendor asked to retry after "
                        + Durations.format(wait) + ", longer than retry.maxBackoff "
                        + Durations.format(config.retry().maxBackoff()) + "; gave up after " + attempts
                        + (attempts == 1 ? " attempt" : " attempts"));
                return Step.DONE;
            }
        } else {
            synchronized (random) {
                wait = Backoff.delay(config.retry(), attempts, random);
            }
        }
        synchronized (this) {
            if (!closed) {
                waiting = delivery;
                waitingTask = scheduler.schedule(() -> resume(delivery), wait);
                return Step.WAITING;
            }
        }
        finish(delivery, DeliveryStatus.DROPPED_SHUTDOWN, "the dispatcher was closed before the retry; last: "
                + result.reason());
        return Step.DONE;
    }

    private AttemptResult attempt(Delivery delivery) {
        Request request = protocol.request(delivery.notification(), delivery.id());
        Call call = client.newCall(request);
        synchronized (this) {
            inFlight = call;
        }
        try (Response response = call.execute()) {
            int code = response.code();
            if (code >= 200 && code < 300) {
                return new AttemptResult(AttemptResult.Kind.ACCEPTED, OptionalInt.of(code), "", Optional.empty());
            }
            String reason = "HTTP " + code + (response.message().isEmpty() ? "" : " " + response.message())
                    + excerpt(response);
            Optional<Duration> retryAfter = Backoff.retryAfter(response.header("Retry-After"), clock);
            AttemptResult.Kind kind = code == 429 ? AttemptResult.Kind.THROTTLED
                    : code >= 500 ? AttemptResult.Kind.SERVER_ERROR : AttemptResult.Kind.REFUSED;
            return new AttemptResult(kind, OptionalInt.of(code), reason, retryAfter);
        } catch (InterruptedIOException e) {
            return new AttemptResult(AttemptResult.Kind.NO_ANSWER, OptionalInt.empty(), "no answer in time (timeouts: connect "
                    + Durations.format(config.timeouts().connect()) + ", read " + Durations.format(config.timeouts().read())
                    + ", call " + Durations.format(config.timeouts().call()) + "): " + describe(e), Optional.empty());
        } catch (IOException e) {
            return new AttemptResult(AttemptResult.Kind.NO_ANSWER, OptionalInt.empty(), "no answer: " + describe(e),
                    Optional.empty());
        } finally {
            synchronized (this) {
                inFlight = null;
            }
        }
    }

    private static String excerpt(Response response) {
        try {
            String body = response.peekBody(BODY_EXCERPT_BYTES).string().replaceAll("\\s+", " ").strip();
            if (body.isEmpty()) {
                return "";
            }
            return ": " + (body.length() <= REASON_EXCERPT_CHARS ? body
                    : body.substring(0, REASON_EXCERPT_CHARS - 3) + "...");
        } catch (IOException e) {
            return "";
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private void finish(Delivery delivery, DeliveryStatus status, String reason) {
        if (!delivery.settle()) {
            return;
        }
        Instant now = clock.instant();
        Duration elapsed = Duration.between(delivery.submittedAt(), now);
        String masked = masker.mask(reason);
        DeliveryOutcome outcome = new DeliveryOutcome(delivery.notification(), config.name(), config.type(), status,
                delivery.attempts(), delivery.lastStatus(), elapsed.isNegative() ? Duration.ZERO : elapsed, masked, now);
        if (status != DeliveryStatus.DELIVERED) {
            LOG.info("Notification channel {}: {} {} ({}) {} after {} attempt(s): {}", config.name(),
                    delivery.notification().incidentId(), delivery.notification().kind().name().toLowerCase(Locale.ROOT),
                    delivery.notification().priority(), status, delivery.attempts(), masked);
        }
        outcomes.accept(outcome);
    }

    /**
     * Stops the lane: queued deliveries and one waiting for its retry end as DROPPED_SHUTDOWN, the request in
     * flight is cancelled (and ends the same way).
     */
    public void close() {
        List<Delivery> dropped;
        TaskScheduler.Scheduled task;
        Call call;
        synchronized (this) {
            closed = true;
            dropped = new ArrayList<>(queue);
            queue.clear();
            if (waiting != null) {
                dropped.add(waiting);
            }
            waiting = null;
            task = waitingTask;
            waitingTask = null;
            call = inFlight;
        }
        if (task != null) {
            task.cancel();
        }
        if (call != null) {
            call.cancel();
        }
        for (Delivery delivery : dropped) {
            finish(delivery, DeliveryStatus.DROPPED_SHUTDOWN, "the dispatcher was closed before delivery");
        }
    }

    /** The masker of this channel, for texts produced outside the lane. */
    public SecretMasker masker() {
        return masker;
    }
}
