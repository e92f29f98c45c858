package dev.firebreak.views.incident;

import dev.firebreak.engine.incident.Incident;
import dev.firebreak.styles.Styles;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;

/**
 * What the console cannot see for itself, entered by a person: how many customers reported the problem (support
 * tickets, calls), whether a VIP is affected, and a failed data consistency check. These feed two of the
 * auto-escalation triggers (customer impact to P1, data integrity to P0); each report goes on the timeline.
 */
public final class ImpactReportDialog extends Dialog<Boolean> {

    private Integer reports = 0;
    private Boolean vipAffected = false;
    private String failedCheck = "";

    public ImpactReportDialog(IncidentViewModel viewModel) {
        Incident incident = viewModel.incidentProperty().get();
        setTitle("Report impact on " + incident.key());
        setHeaderText("Customer reports beyond the policy's threshold, or a VIP affected, raise the severity to P1;"
                + " a failed data consistency check raises it to P0.");
        PropertySheet sheet = new PropertySheet();
        sheet.setId("impact-sheet");
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setPrefHeight(150);
        sheet.getItems().setAll(
                new SheetItem<>("Customers", "Customer reports", "Support tickets and calls about this incident so far",
                        Integer.class, () -> reports, v -> reports = v),
                new SheetItem<>("Customers", "VIP affected", "A customer under a VIP agreement is affected", Boolean.class,
                        () -> vipAffected, v -> vipAffected = v),
                new SheetItem<>("Data", "Failed data check", "The consistency check that failed (empty if none)",
                        String.class, () -> failedCheck, v -> failedCheck = v));
        Label message = new Label();
        message.setId("impact-message");
        message.getStyleClass().add(Styles.VALIDATION_MESSAGE);
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        message.textProperty().bind(viewModel.messageProperty());
        getDialogPane().setContent(new VBox(8, sheet, message));
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        getDialogPane().getStylesheets().add(Styles.STYLESHEET);
        getDialogPane().setPrefWidth(560);
        getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (!viewModel.reportImpact(reports == null ? 0 : reports, Boolean.TRUE.equals(vipAffected), failedCheck)) {
                e.consume();
            }
        });
        setResultConverter(button -> button == ButtonType.OK);
    }

    /** Sets what the sheet's fields would hold, for tests that do not type into the sheet. */
    void fill(int newReports, boolean newVipAffected, String newFailedCheck) {
        reports = newReports;
        vipAffected = newVipAffected;
        failedCheck = newFailedCheck;
    }
}
