/**
 * The ExApp runtime: an External App's HTTP server, with AppAPI authentication, the lifecycle endpoints
 * ({@code /heartbeat}, {@code /init}, {@code /enabled}, {@code /trigger}, {@code /setup_checks}) and the app's
 * own routes, which also produce its manifest. Start with {@link dev.ncsdk.appapi.exapp.ExApp#builder()}; use
 * {@link dev.ncsdk.appapi.exapp.ExAppAuthenticator} alone in another web framework.
 */
package dev.ncsdk.appapi.exapp;
