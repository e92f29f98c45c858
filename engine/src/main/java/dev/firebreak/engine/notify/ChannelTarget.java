package dev.firebreak.engine.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Where and how a channel delivers: one record per vendor, holding its endpoint and credentials. */
public sealed interface ChannelTarget permits SlackTarget, PagerDutyTarget, OpsgenieTarget, WebhookTarget {

    ChannelType type();

    /** The secrets this target holds, which every text about the channel is masked against. */
    List<Secret> secrets();

    /** The kinds a channel of this type gets when the config does not list them: all of them. */
    default Set<NotificationKind> defaultKinds() {
        return EnumSet.allOf(NotificationKind.class);
    }

    /**
     * Checks that {@code url} is an absolute http(s) URL with a host; a secret URL is named by its reference
     * only.
     */
    static void requireHttpUrl(Secret url, String field) {
        String shown = url.isSecret() ? "the value of " + url.reference() : "'" + url.reveal() + "'";
        try {
            URI uri = new URI(url.reveal());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below without the parser's message, which quotes the value
        }
        throw new IllegalArgumentException(field + ": " + shown + " is not an absolute http or https URL");
    }
}
