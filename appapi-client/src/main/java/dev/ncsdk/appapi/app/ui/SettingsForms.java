package dev.ncsdk.appapi.app.ui;

import dev.ncsdk.appapi.AppApiVersion;
import dev.ncsdk.appapi.app.NextcloudApp;
import dev.ncsdk.ocs.internal.http.HttpTransport;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Declarative settings forms of the ExApp ({@code /ocs/v1.php/apps/app_api/api/v1/ui/settings}, Nextcloud 29+).
 * Nextcloud renders them and stores the values itself: admin forms in the ExApp's app config, personal forms in each
 * user's preferences, under the field ids; read them with {@link NextcloudApp#appConfig()} and {@link
 * NextcloudApp#preferences()}. Get the group with {@link NextcloudApp#settings()}.
 *
 * <pre>{@code
 * nc.settings().register(SettingsForm.admin("my_app_settings", "ai", "My App")
 *         .field(SettingsField.text("model", "Model").defaultValue("small").build())
 *         .build());
 * String model = nc.appConfig().get("model").orElse("small");            // admin form
 * String theme = nc.asUser("alice").preferences().get("theme").orElse(""); // personal form
 * nc.settings().unregister("my_app_settings");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SettingsForms {
    private static final String ROUTE = "/api/v1/ui/settings";
    /** The first AppAPI that stores {@code sensitive} fields encrypted. */
    static final AppApiVersion SENSITIVE_SINCE = AppApiVersion.of(32, 0, 0);

    private final UiCalls calls;

    private SettingsForms(UiCalls calls) {
        this.calls = calls;
    }

    /**
     * The group for a client; {@link NextcloudApp#settings()} is the usual way, sharing the client's version cache.
     *
     * <pre>{@code
     * SettingsForms forms = SettingsForms.of(nc, ServerFeatures.of(nc));
     * }</pre>
     *
     * @param nc the client
     * @param features the AppAPI version cache of the client
     * @return the group
     */
    public static SettingsForms of(NextcloudApp nc, ServerFeatures features) {
        return new SettingsForms(new UiCalls(nc, features));
    }

    /**
     * Registers or replaces a form ({@code POST .../ui/settings} with {@code {"formScheme": {...}}}).
     *
     * <pre>{@code
     * nc.settings().register(form);
     * }</pre>
     *
     * @param form the form
     * @throws AppApiVersionTooOldException when a field is sensitive and the server's AppAPI is older than 32
     * @throws dev.ncsdk.ocs.NcBadRequestException when Nextcloud refuses the scheme
     */
    public void register(SettingsForm form) {
        HttpTransport.await(registerAsync(form));
    }

    /**
     * Async twin of {@link #register(SettingsForm)}.
     *
     * <pre>{@code
     * nc.settings().registerAsync(form).join();
     * }</pre>
     *
     * @param form the form
     * @return a future completed when AppAPI accepted the form
     */
    public CompletableFuture<Void> registerAsync(SettingsForm form) {
        Objects.requireNonNull(form, "form");
        Map<String, Object> body = Map.of("formScheme", form.toJson());
        return form.hasSensitiveFields()
                ? calls.post("sensitive settings fields", SENSITIVE_SINCE, ROUTE, body)
                : calls.post(ROUTE, body);
    }

    /**
     * One form of this ExApp as AppAPI stores it ({@code GET .../ui/settings?formId=}).
     *
     * <pre>{@code
     * boolean there = nc.settings().get("my_app_settings").isPresent();
     * }</pre>
     *
     * @param formId the form id
     * @return the form, or empty when there is none
     */
    public Optional<SettingsForm> get(String formId) {
        return HttpTransport.await(getAsync(formId));
    }

    /**
     * Async twin of {@link #get(String)}.
     *
     * <pre>{@code
     * nc.settings().getAsync("my_app_settings").thenAccept(f -> ...);
     * }</pre>
     *
     * @param formId the form id
     * @return the form's future, empty when there is none
     */
    public CompletableFuture<Optional<SettingsForm>> getAsync(String formId) {
        return calls.get(ROUTE, Map.of("formId", UiCalls.notEmpty(formId, "formId")))
                .thenApply(o -> o.filter(n -> n.isObject() && n.size() > 0)
                        .map(n -> SettingsForm.fromJson(n.has("fields") || !n.has("scheme") ? n : n.get("scheme"))));
    }

    /**
     * Removes a form ({@code DELETE .../ui/settings?formId=}); the stored values stay.
     *
     * <pre>{@code
     * nc.settings().unregister("my_app_settings");
     * }</pre>
     *
     * @param formId the form id
     * @return {@code false} when there was no such form
     */
    public boolean unregister(String formId) {
        return HttpTransport.await(unregisterAsync(formId));
    }

    /**
     * Async twin of {@link #unregister(String)}.
     *
     * <pre>{@code
     * nc.settings().unregisterAsync("my_app_settings").join();
     * }</pre>
     *
     * @param formId the form id
     * @return a future of {@code false} when there was no such form
     */
    public CompletableFuture<Boolean> unregisterAsync(String formId) {
        return calls.delete(ROUTE, Map.of("formId", UiCalls.notEmpty(formId, "formId")));
    }
}
