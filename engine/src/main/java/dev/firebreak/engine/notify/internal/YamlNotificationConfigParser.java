package dev.firebreak.engine.notify.internal;

import dev.firebreak.engine.notify.BreakerConfig;
import dev.firebreak.engine.notify.ChannelConfig;
import dev.firebreak.engine.notify.ChannelTarget;
import dev.firebreak.engine.notify.ChannelType;
import dev.firebreak.engine.notify.NotificationConfig;
import dev.firebreak.engine.notify.NotificationConfigException;
import dev.firebreak.engine.notify.NotificationKind;
import dev.firebreak.engine.notify.OpsgenieTarget;
import dev.firebreak.engine.notify.PagerDutyTarget;
import dev.firebreak.engine.notify.Priority;
import dev.firebreak.engine.notify.RateLimitConfig;
import dev.firebreak.engine.notify.RetryConfig;
import dev.firebreak.engine.notify.Secret;
import dev.firebreak.engine.notify.SecretException;
import dev.firebreak.engine.notify.SecretResolver;
import dev.firebreak.engine.notify.SlackTarget;
import dev.firebreak.engine.notify.TimeoutConfig;
import dev.firebreak.engine.notify.WebhookTarget;
import dev.firebreak.engine.time.Durations;
import java.io.Reader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code notifications.yaml} from SnakeYAML's node tree (only nodes know their line). Unknown fields are
 * errors; values are checked by the config records, whose messages (with the allowed range) are passed on
 * prefixed with the file, line and field. Credentials must be references ({@code env:NAME},
 * {@code secret:NAME}) and are resolved here, so a missing one fails the load, not the first page; no message
 * quotes a value of a credential field.
 */
public final class YamlNotificationConfigParser {

    private static final List<String> COMMON_FIELDS = List.of("name", "type", "priorities", "kinds", "timeouts",
            "retry", "rateLimit", "breaker", "queueCapacity");
    private static final Map<ChannelType, List<String>> TYPE_FIELDS = Map.of(
            ChannelType.SLACK, List.of("webhookUrl"),
            ChannelType.PAGERDUTY, List.of("routingKey", "baseUrl", "source", "group"),
            ChannelType.OPSGENIE, List.of("apiKey", "baseUrl", "source"),
            ChannelType.WEBHOOK, List.of("url", "bearerToken"));

    private final String source;
    private final SecretResolver secrets;

    private YamlNotificationConfigParser(String source, SecretResolver secrets) {
        this.source = source;
        this.secrets = secrets;
    }

    public static NotificationConfig parse(String source, Reader reader, SecretResolver secrets)
            throws NotificationConfigException {
        return new YamlNotificationConfigParser(source, secrets).parse(reader);
    }

    /** One YAML mapping: its fields by name, checked against the allowed names. */
    private final class Section {
        final String path;
        final Node node;
        final Map<String, Node> fields = new LinkedHashMap<>();

        Section(String path, Node node, List<String> allowed) throws NotificationConfigException {
            this.path = path;
            this.node = node;
            if (!(node instanceof MappingNode mapping)) {
                throw error(node, path, "expected a mapping of fields");
            }
            for (NodeTuple tuple : mapping.getValue()) {
                String name = tuple.getKeyNode() instanceof ScalarNode key ? key.getValue() : "";
                if (!allowed.contains(name)) {
                    throw error(tuple.getKeyNode(), child(name), "unknown field '" + name + "'; allowed fields: "
                            + String.join(", ", allowed));
                }
                if (fields.putIfAbsent(name, tuple.getValueNode()) != null) {
                    throw error(tuple.getKeyNode(), child(name), "field given twice");
                }
            }
        }

        String child(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        Optional<Section> section(String name, List<String> allowed) throws NotificationConfigException {
            Node value = fields.get(name);
            return value == null ? Optional.empty() : Optional.of(new Section(child(name), value, allowed));
        }

        Optional<String> text(String name) throws NotificationConfigException {
            Node value = fields.get(name);
            if (value == null) {
                return Optional.empty();
            }
            if (!(value instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                throw error(value, child(name), "expected a non-empty text");
            }
            return Optional.of(scalar.getValue().strip());
        }

        String requiredText(String name) throws NotificationConfigException {
            Optional<String> value = text(name);
            if (value.isEmpty()) {
                throw error(node, child(name), "is required");
            }
            return value.get();
        }

        double number(String name, double fallback) throws NotificationConfigException {
            Optional<String> text = text(name);
            if (text.isEmpty()) {
                return fallback;
            }
            try {
                return Double.parseDouble(text.get());
            } catch (NumberFormatException e) {
                throw error(fields.get(name), child(name), "expected a number, found '" + text.get() + "'");
            }
        }

        int integer(String name, int fallback) throws NotificationConfigException {
            double value = number(name, fallback);
            if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
                throw error(fields.get(name), child(name), "expected a whole number, found " + value);
            }
            return (int) value;
        }

        Duration duration(String name, Duration fallback) throws NotificationConfigException {
            Optional<String> text = text(name);
            if (text.isEmpty()) {
                return fallback;
            }
            try {
                return Durations.parse(text.get());
            } catch (IllegalArgumentException e) {
                throw error(fields.get(name), child(name), e.getMessage());
            }
        }

        <E extends Enum<E>> Optional<Set<E>> choices(String name, Class<E> type, Function<E, String> spelling)
                throws NotificationConfigException {
            Node value = fields.get(name);
            if (value == null) {
                return Optional.empty();
            }
            List<Node> items = value instanceof SequenceNode sequence ? sequence.getValue() : List.of(value);
            Set<E> chosen = EnumSet.noneOf(type);
            for (Node item : items) {
                String text = item instanceof ScalarNode scalar ? scalar.getValue().strip() : "";
                E match = Arrays.stream(type.getEnumConstants())
                        .filter(c -> spelling.apply(c).equalsIgnoreCase(text)).findFirst()
                        .orElseThrow(() -> error(item, child(name), "unknown value '" + text + "'; allowed: "
                                + Arrays.stream(type.getEnumConstants()).map(spelling).toList()));
                chosen.add(match);
            }
            if (chosen.isEmpty()) {
                throw error(value, child(name), "list at least one of "
                        + Arrays.stream(type.getEnumConstants()).map(spelling).toList());
            }
            return Optional.of(chosen);
        }

        /** A credential: must be a reference, resolved now; messages name the reference only. */
        Optional<Secret> secret(String name) throws NotificationConfigException {
            Node value = fields.get(name);
            if (value == null) {
                return Optional.empty();
            }
            String text = value instanceof ScalarNode scalar ? scalar.getValue().strip() : "";
            if (!SecretResolver.isReference(text)) {
                throw error(value, child(name), "must be a reference, env:NAME (an environment variable) or "
                        + "secret:NAME (a key of the secrets file); credentials never go in this file as text");
            }
            return Optional.of(resolve(value, name, text));
        }

        Secret requiredSecret(String name) throws NotificationConfigException {
            Optional<Secret> secret = secret(name);
            if (secret.isEmpty()) {
                throw error(node, child(name), "is required (env:NAME or secret:NAME)");
            }
            return secret.get();
        }

        /** A value that may be written plainly or, if it carries a credential, as a reference. */
        Secret plainOrSecret(String name) throws NotificationConfigException {
            String text = requiredText(name);
            return SecretResolver.isReference(text) ? resolve(fields.get(name), name, text) : Secret.plain(text);
        }

        private Secret resolve(Node value, String name, String reference) throws NotificationConfigException {
            try {
                return secrets.resolve(reference);
            } catch (SecretException e) {
                throw error(value, child(name), e.getMessage());
            }
        }

        /**
         * Builds a record, turning its validation message into an error located at this section, or at the field
         * the message starts with ({@code "baseUrl: ..."}).
         */
        <T> T build(Supplier<T> constructor) throws NotificationConfigException {
            try {
                return constructor.get();
            } catch (IllegalArgumentException e) {
                String message = e.getMessage();
                for (Map.Entry<String, Node> field : fields.entrySet()) {
                    if (message.startsWith(field.getKey() + ": ")) {
                        throw error(field.getValue(), child(field.getKey()),
                                message.substring(field.getKey().length() + 2));
                    }
                }
                throw error(node, path, message);
            }
        }

        /** Builds a record, turning its validation message into an error located at field {@code name}. */
        <T> T buildAt(String name, Supplier<T> constructor) throws NotificationConfigException {
            Node at = fields.getOrDefault(name, node);
            try {
                return constructor.get();
            } catch (IllegalArgumentException e) {
                String message = e.getMessage();
                // the record names the field itself; the location already does
                throw error(at, child(name), message.startsWith(name + ": ") ? message.substring(name.length() + 2)
                        : message);
            }
        }

    }

    private NotificationConfigException error(Node node, String field, String problem) {
        int line = node == null ? 0 : node.getStartMark().getLine() + 1;
        return new NotificationConfigException(source, line, field, problem);
    }

    private NotificationConfig parse(Reader reader) throws NotificationConfigException {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            throw new NotificationConfigException(source, e.getProblemMark().getLine() + 1, "",
                    "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new NotificationConfigException(source, 0, "", "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            return NotificationConfig.none();
        }
        Section file = new Section("", root, List.of("channels"));
        Node channelsNode = file.fields.get("channels");
        if (channelsNode == null) {
            return NotificationConfig.none();
        }
        if (!(channelsNode instanceof SequenceNode sequence)) {
            throw error(channelsNode, "channels", "expected a list of channels");
        }
        List<ChannelConfig> channels = new ArrayList<>();
        Map<String, Node> seen = new LinkedHashMap<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            Node node = sequence.getValue().get(i);
            ChannelConfig channel = channel("channels[" + i + "]", node);
            if (seen.putIfAbsent(channel.name(), node) != null) {
                throw error(node, "channels[" + i + "].name", "channel name '" + channel.name() + "' is used twice");
            }
            channels.add(channel);
        }
        return file.build(() -> new NotificationConfig(channels));
    }

    private ChannelConfig channel(String path, Node node) throws NotificationConfigException {
        ChannelType type = type(path, node);
        List<String> allowed = Stream.concat(COMMON_FIELDS.stream(), TYPE_FIELDS.get(type).stream()).toList();
        Section section = new Section(path, node, allowed);
        String name = section.requiredText("name");
        ChannelTarget target = target(type, section);
        ChannelConfig defaults = section.buildAt("name", () -> ChannelConfig.of(name, target));
        Set<Priority> priorities = section.choices("priorities", Priority.class, Priority::name)
                .orElse(defaults.priorities());
        Set<NotificationKind> kinds = section.choices("kinds", NotificationKind.class,
                k -> k.name().toLowerCase(Locale.ROOT)).orElse(defaults.kinds());
        TimeoutConfig timeouts = timeouts(section);
        RetryConfig retry = retry(section);
        RateLimitConfig rateLimit = rateLimit(section);
        BreakerConfig breaker = breaker(section);
        int queueCapacity = section.integer("queueCapacity", ChannelConfig.DEFAULT_QUEUE_CAPACITY);
        return section.build(() -> new ChannelConfig(name, target, priorities, kinds, timeouts, retry, rateLimit,
                breaker, queueCapacity));
    }

    private ChannelType type(String path, Node node) throws NotificationConfigException {
        List<String> names = Arrays.stream(ChannelType.values()).map(ChannelType::yamlName).toList();
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("type")) {
                    String text = tuple.getValueNode() instanceof ScalarNode value ? value.getValue().strip() : "";
                    for (ChannelType type : ChannelType.values()) {
                        if (type.yamlName().equalsIgnoreCase(text)) {
                            return type;
                        }
                    }
                    throw error(tuple.getValueNode(), path + ".type", "unknown channel type '" + text + "'; allowed: "
                            + names);
                }
            }
            throw error(node, path + ".type", "is required; one of " + names);
        }
        throw error(node, path, "expected a mapping of fields");
    }

    private ChannelTarget target(ChannelType type, Section section) throws NotificationConfigException {
        return switch (type) {
            case SLACK -> {
                Secret url = section.requiredSecret("webhookUrl");
                yield section.build(() -> new SlackTarget(url));
            }
            case PAGERDUTY -> {
                Secret key = section.requiredSecret("routingKey");
                String baseUrl = section.text("baseUrl").orElse(PagerDutyTarget.DEFAULT_BASE_URL);
                String origin = section.text("source").orElse(PagerDutyTarget.DEFAULT_SOURCE);
                Optional<String> group = section.text("group");
                yield section.build(() -> new PagerDutyTarget(baseUrl, key, origin, group));
            }
            case OPSGENIE -> {
                Secret key = section.requiredSecret("apiKey");
                String baseUrl = section.text("baseUrl").orElse(OpsgenieTarget.DEFAULT_BASE_URL);
                String origin = section.text("source").orElse(OpsgenieTarget.DEFAULT_SOURCE);
                yield section.build(() -> new OpsgenieTarget(baseUrl, key, origin));
            }
            case WEBHOOK -> {
                Secret url = section.plainOrSecret("url");
                Optional<Secret> token = section.secret("bearerToken");
                yield section.build(() -> new WebhookTarget(url, token));
            }
        };
    }

    private TimeoutConfig timeouts(Section channel) throws NotificationConfigException {
        Optional<Section> found = channel.section("timeouts", List.of("connect", "read", "call"));
        if (found.isEmpty()) {
            return TimeoutConfig.ofDefaults();
        }
        Section s = found.get();
        Duration connect = s.duration("connect", TimeoutConfig.DEFAULT_CONNECT);
        Duration read = s.duration("read", TimeoutConfig.DEFAULT_READ);
        Duration call = s.duration("call", TimeoutConfig.DEFAULT_CALL);
        return s.build(() -> new TimeoutConfig(connect, read, call));
    }

    private RetryConfig retry(Section channel) throws NotificationConfigException {
        Optional<Section> found = channel.section("retry",
                List.of("maxAttempts", "initialBackoff", "multiplier", "maxBackoff", "jitter"));
        if (found.isEmpty()) {
            return RetryConfig.ofDefaults();
        }
        Section s = found.get();
        int attempts = s.integer("maxAttempts", RetryConfig.DEFAULT_MAX_ATTEMPTS);
        Duration initial = s.duration("initialBackoff", RetryConfig.DEFAULT_INITIAL_BACKOFF);
        double multiplier = s.number("multiplier", RetryConfig.DEFAULT_MULTIPLIER);
        Duration max = s.duration("maxBackoff", RetryConfig.DEFAULT_MAX_BACKOFF);
        double jitter = s.number("jitter", RetryConfig.DEFAULT_JITTER);
        return s.build(() -> new RetryConfig(attempts, initial, multiplier, max, jitter));
    }

    private RateLimitConfig rateLimit(Section channel) throws NotificationConfigException {
        Optional<Section> found = channel.section("rateLimit", List.of("permits", "per"));
        if (found.isEmpty()) {
            return RateLimitConfig.ofDefaults();
        }
        Section s = found.get();
        int permits = s.integer("permits", RateLimitConfig.DEFAULT_PERMITS);
        Duration per = s.duration("per", RateLimitConfig.DEFAULT_PER);
        return s.build(() -> new RateLimitConfig(permits, per));
    }

    private BreakerConfig breaker(Section channel) throws NotificationConfigException {
        Optional<Section> found = channel.section("breaker", List.of("failureThreshold", "coolDown"));
        if (found.isEmpty()) {
            return BreakerConfig.ofDefaults();
        }
        Section s = found.get();
        int threshold = s.integer("failureThreshold", BreakerConfig.DEFAULT_FAILURE_THRESHOLD);
        Duration coolDown = s.duration("coolDown", BreakerConfig.DEFAULT_COOL_DOWN);
        return s.build(() -> new BreakerConfig(threshold, coolDown));
    }
}
