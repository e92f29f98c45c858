package dev.firebreak.app.wiring;

import dev.firebreak.views.session.RunbookDesk;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The runbook desk of whichever session the console runs now: the API outlives topology switches, each of which
 * starts a new session with its own runbook engine (the runs themselves live in the database and carry over).
 */
final class CurrentRunbookDesk {

    private final AtomicReference<RunbookDesk> current = new AtomicReference<>();
    private final RunbookDesk view = (RunbookDesk) Proxy.newProxyInstance(RunbookDesk.class.getClassLoader(),
            new Class<?>[] {RunbookDesk.class}, (proxy, method, args) -> {
                if (method.getDeclaringClass() == Object.class) {
                    return method.getName().equals("toString") ? "CurrentRunbookDesk" : method.invoke(this, args);
                }
                RunbookDesk desk = current.get();
                if (desk == null) {
                    throw new IllegalStateException("the console has not started a session yet");
                }
                try {
                    return method.invoke(desk, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });

    void use(RunbookDesk desk) {
        current.set(desk);
    }

    /** A desk that always speaks for the current session. */
    RunbookDesk desk() {
        return view;
    }
}
