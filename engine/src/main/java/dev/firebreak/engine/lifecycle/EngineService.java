package dev.firebreak.engine.lifecycle;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a long-lived engine part (the simulator and its runner, detection, forecasting, health checks, and the
 * services that follow) that only the app's composition root constructs, starts and stops. The architecture
 * tests forbid the console's views to depend on such a class: screens see ports, never services.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EngineService {
}
