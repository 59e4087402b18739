package dev.ncsdk.appapi.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ncsdk.appapi.internal.Json;
import dev.ncsdk.ocs.NcNotFoundException;
import dev.ncsdk.ocs.OcsApiVersion;
import dev.ncsdk.ocs.OcsRequest;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The three calls AppAPI's app config and user preferences share (AA {@code lib/Controller/AppConfigController.php},
 * {@code PreferencesController.php}): {@code POST <base>} with {@code configKey}, {@code configValue} and {@code
 * sensitive}; {@code POST <base>/get-values} with {@code configKeys}; {@code DELETE <base>} with {@code configKeys}.
 */
final class KeyValueCalls {
    private final NextcloudApp app;
    private final String base;

    KeyValueCalls(NextcloudApp app, String base) {
        this.app = app;
        this.base = base;
    }

    CompletableFuture<JsonNode> set(String key, String value, Boolean sensitive) {
        checkKey(key);
        Objects.requireNonNull(value, "value");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("configKey", key);
        body.put("configValue", value);
        if (sensitive != null) {
            body.put("sensitive", sensitive ? 1 : 0); // null (absent) keeps the stored flag
        }
        return app.send(OcsRequest.post(base)
                .version(OcsApiVersion.V1)
                .jsonBody(body)
                .idempotent(true)
                .build());
    }

    CompletableFuture<Map<String, String>> get(Collection<String> keys) {
        List<String> list = keys(keys);
        return app.send(OcsRequest.post(base + "/get-values")
                        .version(OcsApiVersion.V1)
                        .jsonBody(Map.of("configKeys", list))
                        .idempotent(true)
                        .build())
                .thenApply(data -> {
                    Map<String, String> out = new LinkedHashMap<>();
                    for (JsonNode n : data) {
                        String k = Json.str(n, "configkey");
                        if (k != null) {
                            out.put(k, Json.strOrEmpty(n, "configvalue"));
                        }
                    }
                    return out;
                });
    }

    CompletableFuture<Integer> delete(Collection<String> keys) {
        List<String> list = keys(keys);
        return app.send(OcsRequest.delete(base)
                        .version(OcsApiVersion.V1)
                        .jsonBody(Map.of("configKeys", list))
                        .build())
                .handle((data, err) -> {
                    if (err == null) {
                        return data.asInt();
                    }
                    Throwable c = NextcloudApp.unwrap(err);
                    if (c instanceof NcNotFoundException
                            && ((NcNotFoundException) c).ocsStatusCode().orElse(0) == 404) {
                        // the controller's 404 "No ... values deleted" when no key existed (capture 102); an
                        // unknown route is OCS 998 and stays an error
                        return 0;
                    }
                    throw c instanceof RuntimeException ? (RuntimeException) c : new CompletionException(c);
                });
    }

    private static List<String> keys(Collection<String> keys) {
        Objects.requireNonNull(keys, "keys");
        LinkedHashSet<String> set = new LinkedHashSet<>();
        for (String k : keys) {
            checkKey(k);
            set.add(k);
        }
        if (set.isEmpty()) {
            throw new IllegalArgumentException("at least one key is needed");
        }
        return List.copyOf(set);
    }

    static void checkKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("a config key must not be empty");
        }
    }
}
