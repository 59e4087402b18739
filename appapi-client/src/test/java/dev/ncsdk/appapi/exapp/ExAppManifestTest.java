package dev.ncsdk.appapi.exapp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ncsdk.appapi.manifest.AccessLevel;
import dev.ncsdk.appapi.manifest.DockerImage;
import dev.ncsdk.appapi.manifest.ExAppManifest;
import dev.ncsdk.appapi.manifest.ExAppRoute;
import dev.ncsdk.appapi.manifest.JsonInfo;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Declared routes become the {@code <routes>} of {@code info.xml} and the {@code --json-info} routes. How AppAPI
 * matches them (nextcloud/app_api {@code lib/Controller/ExAppProxyController.php}): up to AppAPI 33
 * {@code preg_match('/' . url . '/i', path)} on the path without its leading slash (so an unescaped {@code /}
 * ends the PHP pattern); from 34 {@code ~^(?:url)~i} on {@code "/" . path}, falling back to the bare path; HaRP
 * ({@code haproxy_agent.py}) {@code re.match(url, path)} with the leading slash and no method check.
 */
class ExAppManifestTest {
    static final Handler OK = req -> Response.status(204);

    static ExApp app() {
        return ExApp.builder()
                .environment(ExAppTesting.env("http://nc"))
                .name("Java Stub")
                .docker(DockerImage.of("ghcr.io", "example/javastub", "1.0.0"))
                .route(HttpMethod.GET, "/items/{id}", AccessLevel.USER, OK)
                .route(HttpMethod.DELETE, "/items/{id}", AccessLevel.ADMIN, OK)
                .route(HttpMethod.PUT, "/items/{id}", AccessLevel.USER, OK)
                .route(
                        HttpMethod.POST,
                        "/login",
                        AccessLevel.PUBLIC,
                        RouteOptions.none().bruteforceProtection(401).headersToExclude("Cookie"),
                        OK)
                .route(HttpMethod.GET, "/static/*", AccessLevel.PUBLIC, OK)
                .route(HttpMethod.GET, "/", AccessLevel.USER, OK)
                .route(HttpMethod.GET, "/v1.0/a+b", AccessLevel.USER, OK)
                .route(HttpMethod.POST, "/occ/handler", OK) // called by AppAPI directly: not in the manifest
                .build();
    }

    @Test
    void routesBecomeAnchoredRegexesWithJoinedVerbsStrictestFirst() {
        List<ExAppRoute> routes = app().manifest().routes();
        assertThat(routes)
                .extracting(ExAppRoute::url, ExAppRoute::verbList, ExAppRoute::accessLevel)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("^\\/?items\\/[^\\/]+$", "DELETE", AccessLevel.ADMIN),
                        org.assertj.core.groups.Tuple.tuple("^\\/?items\\/[^\\/]+$", "GET,PUT", AccessLevel.USER),
                        org.assertj.core.groups.Tuple.tuple("^\\/?login$", "POST", AccessLevel.PUBLIC),
                        org.assertj.core.groups.Tuple.tuple("^\\/?static(\\/.*)?$", "GET", AccessLevel.PUBLIC),
                        org.assertj.core.groups.Tuple.tuple("^\\/?$", "GET", AccessLevel.USER),
                        org.assertj.core.groups.Tuple.tuple("^\\/?v1\\.0\\/a\\+b$", "GET", AccessLevel.USER));
        assertThat(routes.get(2).bruteforceProtection()).containsExactly(401);
        assertThat(routes.get(2).headersToExclude()).containsExactly("Cookie");
    }

    @Test
    void theRegexesMatchLikeEveryAppApiVersionAndHarp() {
        Map<String, List<String>> reach = Map.of(
                "^\\/?items\\/[^\\/]+$", List.of("items/42", "items/a%20b"),
                "^\\/?static(\\/.*)?$", List.of("static", "static/css/app.css"),
                "^\\/?$", List.of(""),
                "^\\/?v1\\.0\\/a\\+b$", List.of("v1.0/a+b"));
        Map<String, List<String>> miss = Map.of(
                "^\\/?items\\/[^\\/]+$", List.of("items", "items/42/x", "xitems/42"),
                "^\\/?static(\\/.*)?$", List.of("staticx", "a/static/x"),
                "^\\/?$", List.of("x"),
                "^\\/?v1\\.0\\/a\\+b$", List.of("v1x0/a+b", "v1.0/aab"));
        for (ExAppRoute r : app().manifest().routes()) {
            // AppAPI 32-33 put the url between '/' delimiters: every '/' must be escaped
            assertThat(r.url().replace("\\/", "")).doesNotContain("/");
            Pattern aa33 = Pattern.compile(r.url(), Pattern.CASE_INSENSITIVE); // on the bare path
            Pattern aa34 = Pattern.compile("^(?:" + r.url() + ")", Pattern.CASE_INSENSITIVE); // on "/" + path
            Pattern harp = Pattern.compile(r.url()); // re.match on "/" + path
            for (String p : reach.getOrDefault(r.url(), List.of())) {
                assertThat(aa33.matcher(p).find()).as(r.url() + " on " + p).isTrue();
                assertThat(aa34.matcher("/" + p).find())
                        .as(r.url() + " on /" + p)
                        .isTrue();
                assertThat(harp.matcher("/" + p).lookingAt())
                        .as(r.url() + " on /" + p)
                        .isTrue();
            }
            for (String p : miss.getOrDefault(r.url(), List.of())) {
                assertThat(aa33.matcher(p).find()).as(r.url() + " on " + p).isFalse();
                assertThat(aa34.matcher("/" + p).find())
                        .as(r.url() + " on /" + p)
                        .isFalse();
                assertThat(harp.matcher("/" + p).lookingAt())
                        .as(r.url() + " on /" + p)
                        .isFalse();
            }
        }
    }

    @Test
    void infoXmlAndJsonInfoComeFromTheSameDeclarations() {
        ExApp app = app();
        ExAppManifest m = app.manifest();
        assertThat(m.problems()).isEmpty();
        assertThat(m.id()).isEqualTo("javastub");
        assertThat(m.name()).isEqualTo("Java Stub");
        String xml = "<info><id>javastub</id><name>Java Stub</name><version>1.0.0</version>" + m.toExternalAppXml()
                + "</info>";
        ExAppManifest back = ExAppManifest.fromInfoXml(xml);
        assertThat(back.routes()).isEqualTo(m.routes());
        JsonInfo info = app.jsonInfo("manual_install");
        JsonInfo parsed = JsonInfo.parse(info.toJson());
        assertThat(parsed.manifest().routes()).isEqualTo(m.routes());
        assertThat(parsed.secret().reveal()).isEqualTo(ExAppTesting.SECRET);
        assertThat(parsed.daemonConfigName()).isEqualTo("manual_install");
        assertThat(info.toString()).doesNotContain(ExAppTesting.SECRET);
    }
}
