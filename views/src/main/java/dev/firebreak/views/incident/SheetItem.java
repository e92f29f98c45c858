package dev.firebreak.views.incident;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/** One field of a dialog's ControlsFX property sheet, read from and written to the dialog's own fields. */
final class SheetItem<T> implements PropertySheet.Item {

    private final String category;
    private final String name;
    private final String description;
    private final Class<T> type;
    private final Supplier<T> getter;
    private final Consumer<T> setter;

    SheetItem(String category, String name, String description, Class<T> type, Supplier<T> getter, Consumer<T> setter) {
        this.category = Objects.requireNonNull(category, "category");
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.type = Objects.requireNonNull(type, "type");
        this.getter = Objects.requireNonNull(getter, "getter");
        this.setter = Objects.requireNonNull(setter, "setter");
    }

    @Override public Class<?> getType() { return type; }
    @Override public String getCategory() { return category; }
    @Override public String getName() { return name; }
    @Override public String getDescription() { return description; }
    @Override public Object getValue() { return getter.get(); }
    @Override public void setValue(Object value) { setter.accept(type.cast(value)); }
    @Override public Optional<ObservableValue<? extends Object>> getObservableValue() { return Optional.empty(); }
}
