package dev.ncsdk.appapi.app.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;
import java.util.Optional;

/**
 * A submitted form of the Forms app ({@code OCA\Forms\Events\FormSubmittedEvent}; forms {@code
 * FormSubmittedEvent::getWebhookSerializable}: {@code {"form": Form::read(), "submission": Submission::read()}}).
 * The answers are not in the call; read them with the Forms API.
 *
 * <pre>{@code
 * call.formSubmittedEvent().ifPresent(f -> log.info(f.formTitle() + " answered by " + f.submitterId()));
 * }</pre>
 *
 * @param formId the form's id
 * @param formHash the form's public hash
 * @param formTitle the form's title
 * @param ownerId the form's owner
 * @param submissionId the submission's id
 * @param submitterId who submitted ({@code anon-user-<hash>} for anonymous forms), {@code ""} when not sent
 * @param timestamp when, in seconds since the epoch, {@code 0} when not sent
 * @param form the whole form object
 * @param submission the whole submission object
 * @since 0.1.0
 */
public record FormSubmittedEvent(
        long formId,
        String formHash,
        String formTitle,
        String ownerId,
        long submissionId,
        String submitterId,
        long timestamp,
        JsonNode form,
        JsonNode submission) {
    /** Empty values instead of {@code null}; trees copied. */
    public FormSubmittedEvent {
        formHash = formHash == null ? "" : formHash;
        formTitle = formTitle == null ? "" : formTitle;
        ownerId = ownerId == null ? "" : ownerId;
        submitterId = submitterId == null ? "" : submitterId;
        form = form == null ? Json.object() : form.deepCopy();
        submission = submission == null ? Json.object() : submission.deepCopy();
    }

    static Optional<FormSubmittedEvent> from(JsonNode event) {
        JsonNode form = Json.obj(event, "form");
        JsonNode submission = Json.obj(event, "submission");
        if (form == null || submission == null) {
            return Optional.empty();
        }
        return Optional.of(new FormSubmittedEvent(
                orZero(Json.lng(form, "id")),
                Json.strOrEmpty(form, "hash"),
                Json.strOrEmpty(form, "title"),
                Json.strOrEmpty(form, "ownerId"),
                orZero(Json.lng(submission, "id")),
                Json.strOrEmpty(submission, "userId"),
                orZero(Json.lng(submission, "timestamp")),
                form,
                submission));
    }

    private static long orZero(Long l) {
        return l == null ? 0 : l;
    }
}
