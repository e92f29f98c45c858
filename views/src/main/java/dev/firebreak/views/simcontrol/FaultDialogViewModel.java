package dev.firebreak.views.simcontrol;

import dev.firebreak.engine.fault.ActiveFault;
import dev.firebreak.engine.fault.FaultInjector;
import dev.firebreak.engine.fault.FaultSpec;
import dev.firebreak.engine.fault.FaultType;
import dev.firebreak.engine.time.Durations;
import dev.firebreak.engine.topology.Topology;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The fault dialog's state and validation. Every edit re-validates by building the {@link FaultSpec}
 * (whose constructor knows the rules), so the OK button is enabled exactly when injecting would be
 * accepted, and the message says what is wrong in the user's terms.
 */
public final class FaultDialogViewModel {

    private final Topology topology;
    private final FaultInjector injector;
    private final Clock clock;

    private final StringProperty target = new SimpleStringProperty(this, "target", "");
    private final ObjectProperty<FaultType> type = new SimpleObjectProperty<>(this, "type", FaultType.LATENCY);
    private final StringProperty magnitude = new SimpleStringProperty(this, "magnitude");
    private final ObjectProperty<String> peer = new SimpleObjectProperty<>(this, "peer");
    private final StringProperty duration = new SimpleStringProperty(this, "duration", "5m");
    private final StringProperty startDelay = new SimpleStringProperty(this, "startDelay", "now");
    private final ReadOnlyStringWrapper magnitudeLabel = new ReadOnlyStringWrapper(this, "magnitudeLabel");
    private final ReadOnlyBooleanWrapper peerEnabled = new ReadOnlyBooleanWrapper(this, "peerEnabled");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ObservableList<String> peerChoices = FXCollections.observableArrayList();
    private final List<String> targetChoices;

    /**
     * @param clock           engine time: a fault starting "now" starts at this clock's instant
     * @param initialTarget   pre-selected component id, or null
     */
    public FaultDialogViewModel(Topology topology, FaultInjector injector, Clock clock, String initialTarget) {
        this.topology = Objects.requireNonNull(topology, "topology");
        this.injector = Objects.requireNonNull(injector, "injector");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.targetChoices = topology.components().stream().map(c -> c.id()).sorted().toList();
        target.addListener((obs, old, now) -> {
            updatePeerChoices();
            validate();
        });
        type.addListener((obs, old, now) -> {
            if (now != null) {
                magnitude.set(formatMagnitude(now.defaultMagnitude()));
            }
            updateType();
            validate();
        });
        magnitude.addListener((obs, old, now) -> validate());
        peer.addListener((obs, old, now) -> validate());
        duration.addListener((obs, old, now) -> validate());
        startDelay.addListener((obs, old, now) -> validate());
        magnitude.set(formatMagnitude(type.get().defaultMagnitude()));
        target.set(initialTarget == null ? "" : initialTarget);
        updateType();
        updatePeerChoices();
        validate();
    }

    // ---- Properties ----

    /** Component id typed or picked. */
    public StringProperty targetProperty() {
        return target;
    }

    public ObjectProperty<FaultType> typeProperty() {
        return type;
    }

    public StringProperty magnitudeProperty() {
        return magnitude;
    }

    public ObjectProperty<String> peerProperty() {
        return peer;
    }

    /** E.g. "5m", "90s", "1h30m". */
    public StringProperty durationProperty() {
        return duration;
    }

    /** "now" (or empty), or a delay like "30s". */
    public StringProperty startDelayProperty() {
        return startDelay;
    }

    /** E.g. "Magnitude: ms added per request (1 – 60000)". */
    public ReadOnlyStringProperty magnitudeLabelProperty() {
        return magnitudeLabel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty peerEnabledProperty() {
        return peerEnabled.getReadOnlyProperty();
    }

    /** Why the input cannot be injected, or empty when it can. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The target's dependencies: the only sensible peers. */
    public ObservableList<String> peerChoices() {
        return FXCollections.unmodifiableObservableList(peerChoices);
    }

    /** Every component id, sorted. */
    public List<String> targetChoices() {
        return targetChoices;
    }

    public List<FaultType> types() {
        return Arrays.asList(FaultType.values());
    }

    // ---- Commands ----

    /**
     * Injects the fault, starting now (or after the delay) in engine time.
     *
     * @throws IllegalStateException if the input is invalid (the dialog's OK is disabled then)
     */
    public ActiveFault inject() {
        FaultSpec spec = buildSpec(clock.instant()).orElseThrow(() -> new IllegalStateException(error.get()));
        return injector.inject(spec);
    }

    private void updateType() {
        FaultType t = type.get();
        if (t == null) {
            return;
        }
        magnitudeLabel.set("Magnitude: " + t.magnitudeMeaning() + " (" + formatMagnitude(t.minMagnitude()) + " – "
                + formatMagnitude(t.maxMagnitude()) + ")");
        peerEnabled.set(t.needsPeer());
        if (!t.needsPeer()) {
            peer.set(null);
        } else if (peer.get() == null && !peerChoices.isEmpty()) {
            peer.set(peerChoices.getFirst());
        }
    }

    private void updatePeerChoices() {
        int index = topology.indexOf(target.get() == null ? "" : target.get().trim());
        List<String> choices = index < 0 ? List.of()
                : Arrays.stream(topology.calleesOf(index)).mapToObj(i -> topology.component(i).id()).sorted().toList();
        if (!choices.equals(peerChoices)) {
            peerChoices.setAll(choices);
        }
        if (peer.get() != null && !choices.contains(peer.get())) {
            peer.set(null);
        }
        if (peer.get() == null && peerEnabled.get() && !choices.isEmpty()) {
            peer.set(choices.getFirst());
        }
    }

    private void validate() {
        Optional<FaultSpec> spec = buildSpec(clock.instant());
        valid.set(spec.isPresent());
        if (spec.isPresent()) {
            error.set("");
        }
    }

    /** Builds the spec, or sets {@link #errorProperty()} and returns empty. */
    private Optional<FaultSpec> buildSpec(Instant now) {
        String id = target.get() == null ? "" : target.get().trim();
        if (id.isEmpty()) {
            return fail("Pick a target component.");
        }
        if (topology.indexOf(id) < 0) {
            return fail("No component '" + id + "' in " + topology.name() + ".");
        }
        FaultType t = type.get();
        if (t == null) {
            return fail("Pick a fault type.");
        }
        double m;
        try {
            m = Double.parseDouble(magnitude.get() == null ? "" : magnitude.get().trim());
        } catch (NumberFormatException e) {
            return fail("Magnitude '" + magnitude.get() + "' is not a number.");
        }
        if (t.needsPeer() && peerChoices.isEmpty()) {
            return fail(t.label() + " needs a peer, and " + id + " calls no other component.");
        }
        Optional<String> peerId = t.needsPeer() ? Optional.ofNullable(peer.get()) : Optional.empty();
        Duration length;
        Duration delay;
        try {
            length = Durations.parse(duration.get() == null ? "" : duration.get().trim());
        } catch (IllegalArgumentException e) {
            return fail("Duration: " + e.getMessage());
        }
        String delayText = startDelay.get() == null ? "" : startDelay.get().trim().toLowerCase(Locale.ROOT);
        try {
            delay = delayText.isEmpty() || delayText.equals("now") ? Duration.ZERO
                    : Durations.parse(delayText.startsWith("+") ? delayText.substring(1) : delayText);
        } catch (IllegalArgumentException e) {
            return fail("Start: " + e.getMessage());
        }
        try {
            return Optional.of(new FaultSpec(t, id, peerId, m, now.plus(delay), length));
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
    }

    private Optional<FaultSpec> fail(String message) {
        error.set(message);
        return Optional.empty();
    }

    static String formatMagnitude(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
