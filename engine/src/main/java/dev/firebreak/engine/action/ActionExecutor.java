package dev.firebreak.engine.action;

/** Carries out remediation actions on a system: the simulator, or real infrastructure. */
public interface ActionExecutor {

    /**
     * Performs the action now. An action that makes no sense for its target (failing over a
     * component without a replica, say) is refused with a reason, not thrown.
     */
    ActionResult execute(RemediationAction action);
}
