package dev.firebreak.styles;

import javafx.css.PseudoClass;

/**
 * Names of the style classes and pseudo-classes defined in {@code firebreak.css}, so views never
 * hard-code CSS names and a rename is a compile error rather than a silently unstyled node.
 */
public final class Styles {

    /** Classpath location of the console's stylesheet, for {@code Scene.getStylesheets().add(...)}. */
    public static final String STYLESHEET = "/dev/firebreak/styles/firebreak.css";

    public static final String CONSOLE = "firebreak-console";
    public static final String SIDEBAR = "sidebar";
    public static final String NAV_ITEM = "nav-item";
    public static final String SIM_CLOCK = "sim-clock";
    public static final String SCREEN_TITLE = "screen-title";
    public static final String MUTED = "muted";
    public static final String VALIDATION_MESSAGE = "validation-message";

    /** A small coloured badge carrying a state letter; combined with one of the health pseudo-classes. */
    public static final String HEALTH_BADGE = "health-badge";
    /** A node of the dependency graph; combined with one of the health pseudo-classes. */
    public static final String GRAPH_NODE = "graph-node";
    public static final String GRAPH_NODE_SELECTED = "graph-node-selected";
    public static final String GRAPH_EDGE = "graph-edge";
    public static final String GRAPH_GROUP_LABEL = "graph-group-label";
    /** Invisible regions whose CSS-resolved fills give canvas drawing the theme's health colours. */
    public static final String HEALTH_SWATCH = "health-swatch";
    /** Invisible regions for the canvas's text, grid and background colours. */
    public static final String CANVAS_FG_SWATCH = "canvas-fg-swatch";
    public static final String CANVAS_MUTED_SWATCH = "canvas-muted-swatch";
    public static final String CANVAS_BG_SWATCH = "canvas-bg-swatch";
    public static final String CANVAS_ACCENT_SWATCH = "canvas-accent-swatch";

    public static final String METRIC_CHART = "metric-chart";
    public static final String METRIC_CHART_TITLE = "metric-chart-title";
    public static final String DETAIL_HEADER = "detail-header";
    public static final String LINK_LIST = "link-list";
    /** A small flat button drawn over a chart (e.g. "Forecast"). */
    public static final String CHART_BUTTON = "chart-button";
    /** The panel explaining a selected anomaly marker. */
    public static final String EXPLANATION_CARD = "explanation-card";
    /** The component detail's health-check panel: what health rests on, the checks' verdict, checks per tier. */
    public static final String CHECKS_PANEL = "checks-panel";
    /** The mark of a passing check (a tick). */
    public static final String CHECK_PASS = "check-pass";
    /** The mark of a failing or timed-out check (a cross). */
    public static final String CHECK_FAIL = "check-fail";
    /** The mark of a check that has not run yet. */
    public static final String CHECK_PENDING = "check-pending";
    /** A form of settings: label, field and its validation message per row. */
    public static final String SETTINGS_FORM = "settings-form";
    public static final String SETTINGS_SECTION = "settings-section";

    public static final String INCIDENTS_SCREEN = "incidents-screen";
    public static final String INCIDENT_VIEW = "incident-view";
    public static final String INCIDENT_STATE = "incident-state";
    public static final String INCIDENT_TITLE = "incident-title";
    /** P0..P4 badge; the level is a pseudo-class (:p0 .. :p4). */
    public static final String SEVERITY_BADGE = "severity-badge";
    /** Timeline hash-chain badge; :invalid when tampered. */
    public static final String VERIFICATION_BADGE = "verification-badge";
    /** Health-map ring around a component that is part of an open incident. */
    public static final String INCIDENT_MARK = "incident-mark";
    /** The incident view's probable-cause panel. */
    public static final String PROBABLE_CAUSE = "probable-cause";
    /** A candidate cause's component name in the panel. */
    public static final String CAUSE_NAME = "cause-name";
    /** The incident's small health map. */
    public static final String INCIDENT_MAP = "incident-map";
    /** A component or call on the probable cause's call path, on the incident's map. */
    public static final String INCIDENT_MAP_PATH = "incident-map-path";

    /** The runbooks screen: library, runs, step-through, start dialog and YAML editor. */
    public static final String RUNBOOKS_SCREEN = "runbooks-screen";
    /** The exact text of what a step runs or ran, and its output: monospace and selectable. */
    public static final String RENDERED_TEXT = "rendered-text";
    /** A run's or a step's state: glyph and word, coloured by one of the tone pseudo-classes below. */
    public static final String RUN_STATE = "run-state";
    /** A small chip on a step or runbook: approval, critical, has rollback, a tag. */
    public static final String RUNBOOK_CHIP = "runbook-chip";
    /** The chip of a critical step (two approvers). */
    public static final String RUNBOOK_CHIP_CRITICAL = "runbook-chip-critical";
    /** Why a search result matched, under its title. */
    public static final String MATCH_REASONS = "match-reasons";
    /** The box asking for what an approval needs: a second person, the environment's name. */
    public static final String APPROVAL_PROMPT = "approval-prompt";
    /** The frame around one TilesFX tile of a runbook's learning figures. */
    public static final String LEARNING_TILE = "learning-tile";
    /** Invisible region whose CSS-resolved fill gives code-coloured controls (tiles) the theme's subtle background. */
    public static final String CANVAS_SUBTLE_SWATCH = "canvas-subtle-swatch";

    /** AtlantaFX's colour variant of a button that does something drastic (filled red). */
    public static final String DANGER = "danger";
    /** The toolbar's emergency stop, always shown. */
    public static final String HALT_BUTTON = "halt-button";
    /** The red band across the top of every screen while HALT is latched. */
    public static final String HALT_BANNER = "halt-banner";
    /** The healing overview screen: mode, gates, cooldowns, actions, playbooks. */
    public static final String HEALING_SCREEN = "healing-screen";
    /** The incident view's healing panel: decision chains and actions. */
    public static final String HEALING_PANEL = "healing-panel";
    /** One decision chain (or action) card in the healing panel. */
    public static final String HEALING_CARD = "healing-card";
    /** The chip marking what shadow mode only recorded: "would have done". */
    public static final String SHADOW_CHIP = "shadow-chip";
    /** The frame around one TilesFX tile of the healing gates. */
    public static final String GATE_TILE = "gate-tile";

    /** Tones of {@link #RUN_STATE}: done well, went wrong, waits for a person, under way, not reached, undone. */
    public static final PseudoClass TONE_OK = PseudoClass.getPseudoClass("tone-ok");
    public static final PseudoClass TONE_BAD = PseudoClass.getPseudoClass("tone-bad");
    public static final PseudoClass TONE_WAITING = PseudoClass.getPseudoClass("tone-waiting");
    public static final PseudoClass TONE_ACTIVE = PseudoClass.getPseudoClass("tone-active");
    public static final PseudoClass TONE_IDLE = PseudoClass.getPseudoClass("tone-idle");
    public static final PseudoClass TONE_UNDONE = PseudoClass.getPseudoClass("tone-undone");

    public static final PseudoClass HEALTH_HEALTHY = PseudoClass.getPseudoClass("healthy");
    public static final PseudoClass HEALTH_RECOVERING = PseudoClass.getPseudoClass("recovering");
    public static final PseudoClass HEALTH_DEGRADED = PseudoClass.getPseudoClass("degraded");
    public static final PseudoClass HEALTH_CRITICAL = PseudoClass.getPseudoClass("critical");
    public static final PseudoClass HEALTH_FAILED = PseudoClass.getPseudoClass("failed");
    /** Marks nodes that do not match the health map's search or state filter. */
    public static final PseudoClass DIMMED = PseudoClass.getPseudoClass("dimmed");
    public static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    /** A tier button of the health-check panel while a check of that tier fails. */
    public static final PseudoClass FAILING = PseudoClass.getPseudoClass("failing");

    private Styles() {
    }
}
