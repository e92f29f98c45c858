package dev.firebreak.app.wiring;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A port of whichever session the console runs now: the API outlives topology switches, each of which starts a new
 * session with its own engine services, so it talks to a proxy that forwards to the current session's port.
 */
final class CurrentPort<T> {

    private final AtomicReference<T> current = new AtomicReference<>();
    private final T view;

    CurrentPort(Class<T> type) {
        String name = "Current" + type.getSimpleName();
        this.view = type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? name : method.invoke(this, args);
            }
            T port = current.get();
            if (port == null) {
                throw new IllegalStateException("the console has not started a session yet");
            }
            try {
                return method.invoke(port, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    void use(T port) {
        current.set(port);
    }

    /** A port that always speaks for the current session. */
    T view() {
        return view;
    }
}
