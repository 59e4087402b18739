package dev.ncsdk.appapi.admin;

/**
 * What {@link ExApps#install} did. AppAPI starts the install in the background ({@code occ app_api:app:register})
 * and answers once the ExApp is registered (within about 5 s); deploy and init go on afterwards: follow them with
 * {@link ExApps#status} or {@link ExApps#awaitReady}.
 *
 * @param appId the ExApp
 * @param started {@code true} when a new install started; {@code false} when the ExApp was already registered and
 *     AppAPI enabled it instead
 * @param updateRequired when already registered: whether the store has an update AppAPI wants installed first
 * @since 0.1.0
 */
public record InstallResult(String appId, boolean started, boolean updateRequired) {}
