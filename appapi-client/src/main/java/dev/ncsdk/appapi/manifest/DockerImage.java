package dev.ncsdk.appapi.manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * The ExApp's image ({@code <docker-install>}): AppAPI pulls {@code registry/image:tag-<device>} first (such as
 * {@code -cuda}), then {@code registry/image:tag}.
 *
 * @param registry the registry, {@code docker.io} by default
 * @param image the image name, such as {@code nextcloud/test-deploy}
 * @param tag the tag, {@code latest} by default
 * @since 0.1.0
 */
public record DockerImage(String registry, String image, String tag) {
    /**
     * Fills defaults.
     *
     * @param registry the registry, {@code null} for {@code docker.io}
     * @param image the image
     * @param tag the tag, {@code null} for {@code latest}
     */
    public DockerImage {
        registry = registry == null || registry.isBlank() ? "docker.io" : registry.trim();
        image = image == null ? "" : image.trim();
        tag = tag == null || tag.isBlank() ? "latest" : tag.trim();
    }

    /**
     * An image on a registry.
     *
     * @param registry the registry
     * @param image the image
     * @param tag the tag
     * @return the image
     */
    public static DockerImage of(String registry, String image, String tag) {
        return new DockerImage(registry, image, tag);
    }

    /**
     * The full reference, {@code registry/image:tag}.
     *
     * @return the reference
     */
    public String reference() {
        return registry + "/" + image + ":" + tag;
    }

    List<String> problems() {
        List<String> p = new ArrayList<>();
        if (image.isEmpty()) {
            p.add("docker-install: image is required");
        }
        if (registry.contains("://")) {
            p.add("docker-install: registry must be a host name without a scheme: " + registry);
        }
        if (image.contains(":") || image.contains("@")) {
            p.add("docker-install: put the tag in image-tag, not in the image name: " + image);
        }
        if (!tag.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")) {
            p.add("docker-install: image-tag is not a valid Docker tag: " + tag);
        }
        return p;
    }
}
