package dev.ncsdk.appstore;

/**
 * An app category.
 *
 * @param id the id apps refer to
 * @param translations name and description by language
 * @since 0.1.0
 */
public record Category(String id, Translations<CategoryText> translations) {
    public Category {
        // Normalises absent values.
        id = id == null ? "" : id;
        translations = translations == null ? Translations.empty() : translations;
    }

    /**
     * The name in a language (then English, then any), or the id.
     *
     * @param language a language code
     * @return the name
     */
    public String name(String language) {
        return translations
                .get(language)
                .map(CategoryText::name)
                .filter(n -> !n.isEmpty())
                .orElse(id);
    }
}
