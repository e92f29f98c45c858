package dev.firebreak.views.detection;

import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One editable number of the detection settings: its text as typed and, when the text is not an
 * acceptable value, the message saying why (the engine's own, naming the allowed range).
 */
public final class SettingField {

    private final String key;
    private final String label;
    private final boolean whole;
    private final boolean optional;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    /**
     * @param key      the setting's name as the engine's messages spell it (e.g. "window", "alpha")
     * @param label    what the form shows
     * @param whole    whether only whole numbers are accepted
     * @param optional whether an empty field is allowed (it means "no limit")
     */
    SettingField(String key, String label, boolean whole, boolean optional) {
        this.key = Objects.requireNonNull(key, "key");
        this.label = Objects.requireNonNull(label, "label");
        this.whole = whole;
        this.optional = optional;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** Why the text is not acceptable; empty when it is. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public boolean isValid() {
        return message.get().isEmpty();
    }

    void setMessage(String why) {
        message.set(why == null ? "" : why);
    }

    /** Whether an engine message is about this setting (it names the setting as a word). */
    boolean isNamedIn(String engineMessage) {
        return (" " + engineMessage + " ").contains(" " + key + " ");
    }

    void set(double value) {
        text.set(whole ? Long.toString(Math.round(value)) : trim(value));
    }

    void setEmpty() {
        text.set("");
    }

    /**
     * The number typed, NaN for an empty optional field, or null (with a message set) when the text is
     * not a number of the right kind.
     */
    Double parse() {
        String t = text.get() == null ? "" : text.get().trim();
        if (t.isEmpty()) {
            if (optional) {
                return Double.NaN;
            }
            message.set(label + " is required");
            return null;
        }
        try {
            if (whole) {
                return (double) Long.parseLong(t);
            }
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) {
                message.set(label + " must be a finite number, was '" + t + "'");
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            message.set(label + " must be " + (whole ? "a whole number" : "a number") + ", was '" + t + "'");
            return null;
        }
    }

    private static String trim(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%s", value);
    }
}
