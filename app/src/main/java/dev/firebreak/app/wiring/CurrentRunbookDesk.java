package dev.firebreak.app.wiring;

import dev.firebreak.views.session.HealingDesk;
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

    private final AtomicReference<HealingDesk> currentHealing = new AtomicReference<>();
    private final HealingDesk healingView = (HealingDesk) Proxy.newProxyInstance(HealingDesk.class.getClassLoader(),
            new Class<?>[] {HealingDesk.class}, (proxy, method, args) -> {
                if (method.getDeclaringClass() == Object.class) {
                    return method.getName().equals("toString") ? "CurrentHealingDesk" : method.invoke(this, args);
                }
                HealingDesk desk = currentHealing.get();
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

    void use(HealingDesk desk) {
        currentHealing.set(desk);
    }

    /** A healing desk (HALT among it) that always speaks for the current session. */
    HealingDesk healing() {
        return healingView;
    }

    /** A desk that always speaks for the current session. */
    RunbookDesk desk() {
        return view;
    }
}
