package dev.ncsdk.appstore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Translated values keyed by language code ({@code en}, {@code de}, {@code pt_BR}), as the store sends them in
 * {@code translations} objects. {@link #get(String)} applies the store's rule: the requested language, then its
 * base language ({@code de} for {@code de_DE}), then English, then any language. Immutable.
 *
 * @param <T> the translated value
 * @since 0.1.0
 */
public final class Translations<T> {
    private static final Translations<?> EMPTY = new Translations<>(Map.of());

    private final Map<String, T> byLanguage;

    private Translations(Map<String, T> byLanguage) {
        this.byLanguage = byLanguage;
    }

    /**
     * Translations from a map (copied; order kept).
     *
     * @param byLanguage values by language code
     * @param <T> the value type
     * @return the translations
     */
    public static <T> Translations<T> of(Map<String, T> byLanguage) {
        if (byLanguage == null || byLanguage.isEmpty()) {
            return empty();
        }
        Map<String, T> copy = new LinkedHashMap<>();
        byLanguage.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return copy.isEmpty() ? empty() : new Translations<>(Collections.unmodifiableMap(copy));
    }

    /**
     * No translations.
     *
     * @param <T> the value type
     * @return the empty instance
     */
    @SuppressWarnings("unchecked")
    public static <T> Translations<T> empty() {
        return (Translations<T>) EMPTY;
    }

    /**
     * The value for a language, falling back to its base language, then English, then any language.
     *
     * @param language a language code such as {@code de} or {@code de_DE} (a {@code -} works too)
     * @return the value, or empty when there are no translations at all
     */
    public Optional<T> get(String language) {
        if (byLanguage.isEmpty()) {
            return Optional.empty();
        }
        if (language != null && !language.isEmpty()) {
            String l = language.replace('-', '_');
            T v = byLanguage.get(l);
            if (v == null) {
                v = findIgnoreCase(l);
            }
            int u = l.indexOf('_');
            if (v == null && u > 0) {
                v = findIgnoreCase(l.substring(0, u));
            }
            if (v != null) {
                return Optional.of(v);
            }
        }
        T en = byLanguage.get("en");
        if (en != null) {
            return Optional.of(en);
        }
        return Optional.of(byLanguage.values().iterator().next());
    }

    /**
     * The value for a locale, with the same fallbacks as {@link #get(String)}.
     *
     * @param locale the locale
     * @return the value, or empty when there are no translations
     */
    public Optional<T> get(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        String tag =
                locale.getCountry().isEmpty() ? locale.getLanguage() : locale.getLanguage() + "_" + locale.getCountry();
        return get(tag);
    }

    /**
     * The value for exactly this language, without fallback.
     *
     * @param language the language code
     * @return the value, or empty
     */
    public Optional<T> exact(String language) {
        return Optional.ofNullable(byLanguage.get(language));
    }

    private T findIgnoreCase(String language) {
        for (Map.Entry<String, T> e : byLanguage.entrySet()) {
            if (e.getKey().equalsIgnoreCase(language)) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * The languages present.
     *
     * @return the language codes
     */
    public Set<String> languages() {
        return byLanguage.keySet();
    }

    /**
     * All values by language.
     *
     * @return an unmodifiable map
     */
    public Map<String, T> asMap() {
        return byLanguage;
    }

    /**
     * Whether there are no translations.
     *
     * @return whether empty
     */
    public boolean isEmpty() {
        return byLanguage.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Translations && ((Translations<?>) o).byLanguage.equals(byLanguage);
    }

    @Override
    public int hashCode() {
        return byLanguage.hashCode();
    }

    @Override
    public String toString() {
        return "Translations" + byLanguage.keySet();
    }
}
