package dev.ncsdk.appapi.app.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A file event ({@code OCP\Files\Events\Node\*}): one node for created, written (changed), deleted and touched;
 * source and target for renamed and copied.
 *
 * <pre>{@code
 * call.nodeEvent().ifPresent(e -> {
 *     if (e.kind() == NodeEvent.Kind.CREATED) { index(e.node()); }
 * });
 * }</pre>
 *
 * @param eventClass the event class
 * @param node the node, or {@code null} for renamed and copied
 * @param source the source of a rename or copy, else {@code null}
 * @param target the target of a rename or copy, else {@code null}
 * @since 0.1.0
 */
public record NodeEvent(String eventClass, WebhookNode node, WebhookNode source, WebhookNode target) {
    /** What happened to the node. */
    public enum Kind {
        /** {@code NodeCreatedEvent}. */
        CREATED,
        /** {@code NodeWrittenEvent}: the content changed. */
        WRITTEN,
        /** {@code NodeDeletedEvent}. */
        DELETED,
        /** {@code NodeTouchedEvent}. */
        TOUCHED,
        /** {@code NodeRenamedEvent}. */
        RENAMED,
        /** {@code NodeCopiedEvent}. */
        COPIED,
        /** Another node event (a {@code Before...} event, a newer one). */
        OTHER
    }

    /** An empty class name instead of {@code null}. */
    public NodeEvent {
        eventClass = eventClass == null ? "" : eventClass;
    }

    static Optional<NodeEvent> from(String eventClass, JsonNode event) {
        WebhookNode node = WebhookNode.fromJson(event.get("node"));
        WebhookNode source = WebhookNode.fromJson(event.get("source"));
        WebhookNode target = WebhookNode.fromJson(event.get("target"));
        if (node == null && (source == null || target == null)) {
            return Optional.empty();
        }
        return Optional.of(new NodeEvent(eventClass, node, source, target));
    }

    /**
     * The kind, from the event class.
     *
     * @return the kind
     */
    public Kind kind() {
        return switch (eventClass) {
            case WebhookEvents.NODE_CREATED -> Kind.CREATED;
            case WebhookEvents.NODE_WRITTEN -> Kind.WRITTEN;
            case WebhookEvents.NODE_DELETED -> Kind.DELETED;
            case WebhookEvents.NODE_TOUCHED -> Kind.TOUCHED;
            case WebhookEvents.NODE_RENAMED -> Kind.RENAMED;
            case WebhookEvents.NODE_COPIED -> Kind.COPIED;
            default -> Kind.OTHER;
        };
    }
}
