package dev.firebreak.engine.incident;

/** The incident roles of the playbook's command structure. */
public enum Role {
    COMMANDER("Incident commander"),
    TECHNICAL_LEAD("Technical lead"),
    COMMUNICATIONS_LEAD("Communications lead"),
    SCRIBE("Scribe");

    private final String title;

    Role(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
