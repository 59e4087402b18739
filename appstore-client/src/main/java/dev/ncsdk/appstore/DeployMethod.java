package dev.ncsdk.appstore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How an ExApp release can be deployed ({@code appapi_apps.json} only).
 *
 * @param installType the deployment kind ({@code docker-install}, ...)
 * @param installData the method's data as sent (image, registry, ...), or a JSON null
 * @since 0.1.0
 */
public record DeployMethod(String installType, JsonNode installData) {
    public DeployMethod {
        // Normalises an absent type to an empty string.
        installType = installType == null ? "" : installType;
        installData = installData == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : installData;
    }
}
