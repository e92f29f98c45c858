package dev.firebreak.views.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;

/** The console's two themes, both AtlantaFX Primer variants. */
public enum Theme {
    LIGHT, DARK;

    /** The AtlantaFX user-agent stylesheet to install with {@code Application.setUserAgentStylesheet}. */
    public String userAgentStylesheet() {
        return this == LIGHT ? new PrimerLight().getUserAgentStylesheet() : new PrimerDark().getUserAgentStylesheet();
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    /** The name saved in preferences. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a saved name; anything unknown (or nothing) means light. */
    public static Theme fromKey(String key) {
        return "dark".equalsIgnoreCase(key == null ? "" : key.trim()) ? DARK : LIGHT;
    }
}
