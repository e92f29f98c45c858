package dev.firebreak.engine.notify;

import java.util.EnumSet;
import java.util.List;
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
}
