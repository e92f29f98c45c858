package dev.firebreak.engine.notify.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebreak.engine.notify.ChannelTarget;
import dev.firebreak.engine.notify.Notification;
import dev.firebreak.engine.notify.OpsgenieTarget;
import dev.firebreak.engine.notify.PagerDutyTarget;
import dev.firebreak.engine.notify.SlackTarget;
import dev.firebreak.engine.notify.WebhookTarget;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/** How one vendor wants a notification: the HTTP request, body and headers, for one delivery. */
public interface ChannelProtocol {

    MediaType JSON = MediaType.get("application/json; charset=utf-8");
    String USER_AGENT = "Firebreak-notify/1";
    ObjectMapper MAPPER = new ObjectMapper();

    /**
     * The request for {@code notification}; {@code deliveryId} is the same for every attempt of one delivery.
     */
    Request request(Notification notification, String deliveryId);

    static ChannelProtocol of(ChannelTarget target) {
        return switch (target) {
            case SlackTarget slack -> new SlackProtocol(slack);
            case PagerDutyTarget pagerDuty -> new PagerDutyProtocol(pagerDuty);
            case OpsgenieTarget opsgenie -> new OpsgenieProtocol(opsgenie);
            case WebhookTarget webhook -> new WebhookProtocol(webhook);
        };
    }

    static RequestBody json(ObjectNode body) {
        try {
            return RequestBody.create(MAPPER.writeValueAsBytes(body), JSON);
        } catch (JsonProcessingException e) {
            // a tree of strings, numbers and arrays always serialises
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }
}
