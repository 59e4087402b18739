package dev.ncsdk.appstore;

/**
 * An app's translated texts.
 *
 * @param name the app's name
 * @param summary a brief explanation of what the app does
 * @param description the full description, in Markdown
 * @since 0.1.0
 */
public record AppText(String name, String summary, String description) {
    public AppText {
        // Normalises absent values to empty strings.
        name = name == null ? "" : name;
        summary = summary == null ? "" : summary;
        description = description == null ? "" : description;
    }
}
