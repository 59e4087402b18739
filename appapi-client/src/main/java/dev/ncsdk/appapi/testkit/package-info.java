/**
 * A test kit for ExApps: {@link dev.ncsdk.appapi.testkit.AppApiSimulator} is a fake Nextcloud with AppAPI on
 * loopback that a test starts beside an ExApp. It plays AppAPI's part in both directions, in the shapes of a real
 * Nextcloud 32 with AppAPI: it drives the lifecycle (heartbeat, init, enable, disable), sends signed and forged
 * user requests, and answers and records the ExApp's own calls to Nextcloud.
 *
 * <pre>{@code
 * try (AppApiSimulator nc = AppApiSimulator.builder().appId("hello").appVersion("1.0.0").start()) {
 *     ExApp app = ExApp.builder().environment(nc.environment(0))   // the ExApp under test
 *             .route(HttpMethod.GET, "/", AccessLevel.USER, req -> Response.json(Map.of("hello", req.user())))
 *             .build().start();
 *     nc.exAppPort(app.port());
 *     nc.heartbeat();
 *     nc.init(Duration.ofSeconds(10));
 *     assertEquals(200, nc.asUser("alice").get("/").status());
 *     assertEquals(401, nc.forged().wrongSecret().get("/").status());
 *     nc.disable();
 * }
 * }</pre>
 */
package dev.ncsdk.appapi.testkit;
