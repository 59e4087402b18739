package dev.ncsdk.appapi.admin;

/**
 * The result of a daemon connection check: AppAPI pinged Docker's {@code _ping} through the daemon (through HaRP
 * for HaRP daemons). AppAPI reports only success or failure; the reason of a failure is in the Nextcloud log.
 *
 * @param daemonName the daemon checked
 * @param reachable whether the daemon answered
 * @since 0.1.0
 */
public record ConnectionCheck(String daemonName, boolean reachable) {}
