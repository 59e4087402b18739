package dev.ncsdk.appapi.app.files;

import dev.ncsdk.ocs.ErrorResponse;
import dev.ncsdk.ocs.NcResponseException;
import dev.ncsdk.ocs.internal.http.HttpResult;
import dev.ncsdk.ocs.internal.http.ResponseErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Failed WebDAV answers as the SDK's exceptions: the status picks the type (404 {@code NcNotFoundException}, 403
 * {@code NcForbiddenException}, 409 {@code NcConflictException}, 412 {@code NcPreconditionFailedException}, 423
 * {@link FileLockedException}, 507 {@link InsufficientStorageException}, the rest as for every other client), and the
 * sabre/dav error document gives the messages.
 */
final class DavErrors {
    private DavErrors() {}

    static NcResponseException of(HttpResult r) {
        List<String> messages = new ArrayList<>();
        Optional<DavError> dav = DavError.parse(r.body());
        dav.ifPresent(d -> {
            if (!d.exception().isEmpty()) {
                messages.add(d.exception() + (d.message().isEmpty() ? "" : ": " + d.message()));
            } else {
                messages.add(d.message());
            }
        });
        if (dav.isEmpty() && !ResponseErrors.looksLikeHtml(r)) {
            messages.addAll(ResponseErrors.messagesOf(r));
        }
        ErrorResponse er = ResponseErrors.describe(r).messages(messages).build();
        String message = er.toString();
        switch (r.status()) {
            case 423:
                return new FileLockedException(message, er);
            case 507:
                return new InsufficientStorageException(message, er);
            default:
                return ResponseErrors.forStatus(r.status(), message, er);
        }
    }
}
