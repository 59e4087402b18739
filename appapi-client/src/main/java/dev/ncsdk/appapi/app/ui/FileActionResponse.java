package dev.ncsdk.appapi.app.ui;

import dev.ncsdk.appapi.internal.Json;
import java.util.Map;

/**
 * The answer of a v2 file action's handler that sends the user to one of the ExApp's pages: {@code
 * {"redirect_handler": "<route>"}}. The browser then opens {@code
 * /index.php/apps/app_api/embedded/<appid>/<route>?fileIds=<ids>}. A handler that does not redirect answers any
 * other 200 body.
 *
 * <pre>{@code
 * return Response.json(FileActionResponse.redirect("viewer").toMap());   // {"redirect_handler":"viewer"}
 * }</pre>
 *
 * @param redirectHandler the ExApp route to open, without a leading {@code /}
 * @since 0.1.0
 */
public record FileActionResponse(String redirectHandler) {
    /**
     * Checks the route.
     *
     * @param redirectHandler the route, not empty
     */
    public FileActionResponse {
        UiCalls.notEmpty(redirectHandler, "redirectHandler");
        while (redirectHandler.startsWith("/")) {
            redirectHandler = redirectHandler.substring(1);
        }
        UiCalls.notEmpty(redirectHandler, "redirectHandler");
    }

    /**
     * An answer redirecting to an ExApp route.
     *
     * <pre>{@code
     * FileActionResponse r = FileActionResponse.redirect("viewer");
     * }</pre>
     *
     * @param route the route, a leading {@code /} is dropped
     * @return the answer
     */
    public static FileActionResponse redirect(String route) {
        return new FileActionResponse(route);
    }

    /**
     * The body as a map, for a framework that writes JSON itself.
     *
     * <pre>{@code
     * return Response.json(FileActionResponse.redirect("viewer").toMap());
     * }</pre>
     *
     * @return {@code {redirect_handler=<route>}}
     */
    public Map<String, String> toMap() {
        return Map.of("redirect_handler", redirectHandler);
    }

    /**
     * The JSON body.
     *
     * <pre>{@code
     * byte[] body = FileActionResponse.redirect("viewer").toJson().getBytes(StandardCharsets.UTF_8);
     * }</pre>
     *
     * @return {@code {"redirect_handler":"<route>"}}
     */
    public String toJson() {
        return Json.text(Json.MAPPER.valueToTree(toMap()), false);
    }
}
