package dev.ncsdk.appstore;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One element of the store's discover feed ({@code discover.json}): a post, a showcase or a carousel.
 * {@link #raw()} keeps the whole element (media, content lists) as sent.
 *
 * @param type {@code post}, {@code showcase}, {@code carousel} or a newer kind
 * @param id the element's id, possibly empty
 * @param headline the headline by language
 * @param text the text by language
 * @param link a link, possibly empty
 * @param date when the element becomes visible, or {@code null}
 * @param expiryDate when it expires, or {@code null}
 * @param raw the element as sent
 * @since 0.1.0
 */
public record DiscoverEntry(
        String type,
        String id,
        Translations<String> headline,
        Translations<String> text,
        String link,
        Instant date,
        Instant expiryDate,
        JsonNode raw) {
    public DiscoverEntry {
        // Normalises absent values.
        type = type == null ? "" : type;
        id = id == null ? "" : id;
        link = link == null ? "" : link;
        headline = headline == null ? Translations.empty() : headline;
        text = text == null ? Translations.empty() : text;
    }

    /**
     * Whether the element is to be shown at a given time: not expired, and (unless {@code includeFuture}) not dated
     * in the future. Nextcloud shows future posts only to unstable channels.
     *
     * @param now the time
     * @param includeFuture whether elements dated later count
     * @return whether visible
     */
    public boolean visibleAt(Instant now, boolean includeFuture) {
        if (expiryDate != null && !expiryDate.isAfter(now)) {
            return false;
        }
        return includeFuture || date == null || !date.isAfter(now);
    }
}
