package dev.ncsdk.appapi.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ncsdk.appapi.internal.Json;
import dev.ncsdk.appapi.testing.Capture;
import dev.ncsdk.ocs.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ExApp manifests: the recorded {@code --json-info} documents, info.xml, and what AppAPI would refuse. */
class ManifestTest {

    @ParameterizedTest
    @ValueSource(strings = {"exapp_json_info.json", "83_exapp_json_info_used.json"})
    void theRecordedJsonInfoParsesValidatesAndWritesBackTheSameDocument(String file) {
        String text = Capture.text(file);
        JsonInfo info = JsonInfo.parse(text).validate();
        assertThat(info.manifest().id()).isEqualTo("javastub");
        assertThat(info.manifest().name()).isEqualTo("Java SDK Stub");
        assertThat(info.manifest().version()).isEqualTo("1.0.0");
        assertThat(info.daemonConfigName()).isEqualTo("manual_install");
        assertThat(info.port()).isEqualTo(9031);
        assertThat(info.secret().matches("DhtW7oWTDy1LI01vAkyfmc2uvNzI7RhTKnbjw82gc90WwE27"))
                .isTrue();
        assertThat(info.manifest().routes())
                .containsExactly(ExAppRoute.of(".*", "GET,POST,PUT,DELETE", AccessLevel.USER));
        assertThat(info.toString()).doesNotContain("DhtW7oWTDy1LI01vAkyfmc2uvNzI7RhTKnbjw82gc90WwE27");
        assertThat(Json.parse(info.toJson())).isEqualTo(Json.parse(text));
    }

    @Test
    void capture82RegisteredTheExAppThat145Reports() {
        // 82 is `occ app_api:app:register javastub manual_install --json-info <83>`; 145 is the result over OCS
        assertThat(Capture.text("82_occ_app_register.txt")).contains("ExApp javastub successfully registered.");
        JsonInfo used = JsonInfo.parse(Capture.text("83_exapp_json_info_used.json"));
        var registered =
                Json.parse(Capture.load("145_admin_exapp_info_v2").bodyText()).at("/ocs/data");
        assertThat(registered.get("id").asText()).isEqualTo(used.manifest().id());
        assertThat(registered.get("name").asText()).isEqualTo(used.manifest().name());
        assertThat(registered.get("version").asText()).isEqualTo(used.manifest().version());
    }

    @Test
    void aBuiltManifestWritesInfoXmlThatReadsBack() {
        ExAppManifest m = ExAppManifest.builder("hello_java", "Hello <Java> & co", "1.2.3")
                .docker(DockerImage.of("ghcr.io", "example/hello-java", "1.2.3"))
                .route(ExAppRoute.of("^/api/.*", "GET, post", AccessLevel.USER).withBruteforceProtection(401, 429))
                .route(ExAppRoute.of("^/public/.*", "GET", AccessLevel.PUBLIC).withHeadersToExclude("cookie"))
                .env(new EnvironmentVariable("GREETING", "Greeting", "What to say", "Hello"))
                .build();
        String xml = m.toExternalAppXml();
        assertThat(xml)
                .contains("<access_level>USER</access_level>")
                .contains("<bruteforce_protection>[401,429]</bruteforce_protection>")
                .contains("<headers_to_exclude>[\"cookie\"]</headers_to_exclude>")
                .contains("<verb>GET,POST</verb>")
                .contains("<image-tag>1.2.3</image-tag>");
        String infoXml = "<?xml version=\"1.0\"?>\n<info><id>hello_java</id><name>Hello &lt;Java&gt; &amp; co</name>"
                + "<version>1.2.3</version>" + xml + "</info>";
        assertThat(ExAppManifest.fromInfoXml(infoXml)).isEqualTo(m);
    }

    @Test
    void jsonInfoCarriesImageAndVariablesAndAccessLevelsAsNumbers() {
        ExAppManifest m = ExAppManifest.builder("hello_java", "Hello", "1.0.0")
                .docker(DockerImage.of(null, "example/hello", null))
                .route(ExAppRoute.of("^/admin/.*", "GET", AccessLevel.ADMIN))
                .env(EnvironmentVariable.of("GREETING", "Hi"))
                .build();
        JsonInfo info = m.jsonInfo(Secret.of("s3cret"), 23000, null).validate();
        var j = Json.parse(info.toJson());
        assertThat(j.at("/routes/0/access_level").asInt()).isEqualTo(2);
        assertThat(j.has("daemon_config_name")).isFalse();
        assertThat(j.at("/docker-install/registry").asText()).isEqualTo("docker.io");
        assertThat(j.at("/docker-install/image-tag").asText()).isEqualTo("latest");
        assertThat(j.at("/environment-variables/variable/0/default").asText()).isEqualTo("Hi");
        assertThat(JsonInfo.parse(info.toJson()).manifest()).isEqualTo(m);
    }

    @Test
    void whatAppApiWouldRefuseIsListedClearly() {
        ExAppManifest bad = new ExAppManifest(
                "Hello-App",
                "",
                "1.0",
                DockerImage.of("https://ghcr.io", "example/app:1.0", "bad tag"),
                List.of(
                        new ExAppRoute("", List.of(), AccessLevel.USER, List.of(), List.of()),
                        new ExAppRoute("([", List.of("GET"), AccessLevel.USER, List.of(), List.of(999))),
                List.of(
                        EnvironmentVariable.of("A", ""),
                        EnvironmentVariable.of("A", ""),
                        EnvironmentVariable.of("1X", "")));
        assertThatThrownBy(bad::validate)
                .isInstanceOfSatisfying(
                        ManifestException.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(p -> assertThat(p).startsWith("id must be lower-case"))
                                .anySatisfy(p -> assertThat(p).isEqualTo("name is required"))
                                .anySatisfy(p -> assertThat(p).startsWith("version must be SemVer"))
                                .anySatisfy(p -> assertThat(p).contains("registry must be a host name"))
                                .anySatisfy(p -> assertThat(p).contains("put the tag in image-tag"))
                                .anySatisfy(p -> assertThat(p).contains("not a valid Docker tag"))
                                .anySatisfy(p -> assertThat(p).isEqualTo("route 1: url is required"))
                                .anySatisfy(
                                        p -> assertThat(p).isEqualTo("route 1: verb is required (such as GET,POST)"))
                                .anySatisfy(p ->
                                        assertThat(p).contains("route 2 '([': url is not a valid regular expression"))
                                .anySatisfy(p -> assertThat(p).contains("bruteforce_protection holds HTTP statuses"))
                                .anySatisfy(p -> assertThat(p).isEqualTo("environment variable declared twice: A"))
                                .anySatisfy(p -> assertThat(p).contains("name is not valid: '1X'")));

        JsonInfo noRoutes = ExAppManifest.builder("a", "A", "1.0.0").build().jsonInfo(Secret.of(""), 0, "d");
        assertThat(noRoutes.problems())
                .anySatisfy(p -> assertThat(p).startsWith("secret is required"))
                .anySatisfy(p -> assertThat(p).startsWith("port must be 1-65535"))
                .anySatisfy(p -> assertThat(p).startsWith("routes are required"));
    }

    @Test
    void infoXmlMistakesAppApi35RefusesAreReported() {
        String nested = "<info><id>a</id><name>A</name><version>1.0.0</version><external-app><routes><route>"
                + "<url>.*</url><verb>GET</verb><access_level>USER</access_level>"
                + "<headers_to_exclude><header>cookie</header></headers_to_exclude></route>"
                + "<route><url>x</url><verb>GET</verb><access_level>ROOT</access_level></route>"
                + "</routes></external-app></info>";
        assertThatThrownBy(() -> ExAppManifest.fromInfoXml(nested))
                .isInstanceOfSatisfying(
                        ManifestException.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(p -> assertThat(p).contains("not nested XML"))
                                .anySatisfy(p -> assertThat(p).contains("access_level must be PUBLIC, USER or ADMIN")));
        String noVerb = "<info><id>a</id><name>A</name><version>1.0.0</version><external-app><routes><route>"
                + "<url>.*</url><access_level>1</access_level></route></routes></external-app></info>";
        assertThat(ExAppManifest.fromInfoXml(noVerb).problems())
                .containsExactly("route 1 '.*': verb is required (such as GET,POST)");
    }

    @Test
    void doctypesAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE info [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<info><id>&x;</id></info>";
        assertThatThrownBy(() -> ExAppManifest.fromInfoXml(xxe)).isInstanceOf(ManifestException.class);
        assertThatThrownBy(() -> ExAppManifest.fromInfoXml("<other/>")).hasMessageContaining("<info>");
        assertThatThrownBy(() -> JsonInfo.parse("[1]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> JsonInfo.parse("{")).isInstanceOf(ManifestException.class);
    }
}
