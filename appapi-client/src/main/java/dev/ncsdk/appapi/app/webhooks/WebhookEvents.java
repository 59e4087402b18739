package dev.ncsdk.appapi.app.webhooks;

/**
 * Class names of events the server can send webhooks for (each implements {@code IWebhookCompatibleEvent}). The
 * server refuses a registration for a class that is not such an event.
 *
 * <pre>{@code
 * WebhookRegistration.builder(WebhookEvents.NODE_WRITTEN, "/webhooks/files").build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class WebhookEvents {
    private WebhookEvents() {}

    /** A file or folder was created ({@code {"node": {"id", "path"}}}). */
    public static final String NODE_CREATED = "OCP\\Files\\Events\\Node\\NodeCreatedEvent";
    /** A file's content was written: the "changed" event. */
    public static final String NODE_WRITTEN = "OCP\\Files\\Events\\Node\\NodeWrittenEvent";
    /** A file or folder was deleted. */
    public static final String NODE_DELETED = "OCP\\Files\\Events\\Node\\NodeDeletedEvent";
    /** A file's modification time was touched. */
    public static final String NODE_TOUCHED = "OCP\\Files\\Events\\Node\\NodeTouchedEvent";
    /** A file or folder was renamed or moved ({@code source} and {@code target}). */
    public static final String NODE_RENAMED = "OCP\\Files\\Events\\Node\\NodeRenamedEvent";
    /** A file or folder was copied ({@code source} and {@code target}). */
    public static final String NODE_COPIED = "OCP\\Files\\Events\\Node\\NodeCopiedEvent";
    /** A calendar object was created (Nextcloud 32+). */
    public static final String CALENDAR_OBJECT_CREATED = "OCP\\Calendar\\Events\\CalendarObjectCreatedEvent";
    /** A calendar object was updated. */
    public static final String CALENDAR_OBJECT_UPDATED = "OCP\\Calendar\\Events\\CalendarObjectUpdatedEvent";
    /** A calendar object was deleted. */
    public static final String CALENDAR_OBJECT_DELETED = "OCP\\Calendar\\Events\\CalendarObjectDeletedEvent";
    /** A calendar object was moved to the trash bin. */
    public static final String CALENDAR_OBJECT_MOVED_TO_TRASH =
            "OCP\\Calendar\\Events\\CalendarObjectMovedToTrashEvent";
    /** A calendar object was restored from the trash bin. */
    public static final String CALENDAR_OBJECT_RESTORED = "OCP\\Calendar\\Events\\CalendarObjectRestoredEvent";
    /** A calendar object was moved to another calendar. */
    public static final String CALENDAR_OBJECT_MOVED = "OCP\\Calendar\\Events\\CalendarObjectMovedEvent";
    /** A form of the Forms app was submitted ({@code {"form": ..., "submission": ...}}). */
    public static final String FORM_SUBMITTED = "OCA\\Forms\\Events\\FormSubmittedEvent";
}
