package dev.ncsdk.appstore;

import java.time.Instant;

/**
 * A rating of an app ({@code ratings.json}).
 *
 * @param app the app id
 * @param rating 0.0 (worst) to 1.0 (best)
 * @param ratedAt when it was rated, or {@code null}
 * @param comments the comment by language (Markdown), possibly empty
 * @param user who rated
 * @since 0.1.0
 */
public record Rating(String app, double rating, Instant ratedAt, Translations<String> comments, RatingUser user) {
    public Rating {
        // Normalises absent values.
        app = app == null ? "" : app;
        comments = comments == null ? Translations.empty() : comments;
        user = user == null ? new RatingUser(0, "", "") : user;
    }
}
