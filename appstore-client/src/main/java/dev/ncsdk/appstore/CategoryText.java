package dev.ncsdk.appstore;

/**
 * A category's translated texts.
 *
 * @param name the name
 * @param description the description, possibly empty
 * @since 0.1.0
 */
public record CategoryText(String name, String description) {
    public CategoryText {
        // Normalises absent values to empty strings.
        name = name == null ? "" : name;
        description = description == null ? "" : description;
    }
}
