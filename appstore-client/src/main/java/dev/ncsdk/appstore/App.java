package dev.ncsdk.appstore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An app in the store's catalogue with its releases. The {@link #releases()} list keeps the store's order, which
 * is <em>not</em> a version order: use {@link dev.ncsdk.appstore.version.AppVersion} to compare.
 *
 * @param id the app id
 * @param categories category ids (see {@link Category})
 * @param userDocs user documentation URL, possibly empty
 * @param adminDocs admin documentation URL, possibly empty
 * @param developerDocs developer documentation URL, possibly empty
 * @param issueTracker issue tracker URL, possibly empty
 * @param website website URL, possibly empty
 * @param discussion discussion forum URL, possibly empty
 * @param created when the app was registered, or {@code null}
 * @param lastModified when a release was last uploaded, or {@code null}
 * @param releases the releases, in the store's order
 * @param screenshots screenshots
 * @param translations name, summary and description by language
 * @param featured whether the store features the app
 * @param authors authors
 * @param ratingRecent rating over the last 90 days, 0.0 to 1.0
 * @param ratingOverall rating of all time, 0.0 to 1.0
 * @param ratingNumRecent number of ratings in the last 90 days
 * @param ratingNumOverall number of ratings of all time
 * @param certificate the app's PEM certificate exactly as sent ({@code \r\n} line ends)
 * @since 0.1.0
 */
public record App(
        String id,
        List<String> categories,
        String userDocs,
        String adminDocs,
        String developerDocs,
        String issueTracker,
        String website,
        String discussion,
        Instant created,
        Instant lastModified,
        List<AppRelease> releases,
        List<Screenshot> screenshots,
        Translations<AppText> translations,
        boolean featured,
        List<Author> authors,
        double ratingRecent,
        double ratingOverall,
        int ratingNumRecent,
        int ratingNumOverall,
        String certificate) {

    public App {
        // Copies lists and normalises absent values.
        id = id == null ? "" : id;
        categories = categories == null ? List.of() : List.copyOf(categories);
        releases = releases == null ? List.of() : List.copyOf(releases);
        screenshots = screenshots == null ? List.of() : List.copyOf(screenshots);
        authors = authors == null ? List.of() : List.copyOf(authors);
        translations = translations == null ? Translations.empty() : translations;
        userDocs = userDocs == null ? "" : userDocs;
        adminDocs = adminDocs == null ? "" : adminDocs;
        developerDocs = developerDocs == null ? "" : developerDocs;
        issueTracker = issueTracker == null ? "" : issueTracker;
        website = website == null ? "" : website;
        discussion = discussion == null ? "" : discussion;
        certificate = certificate == null ? "" : certificate;
    }

    /**
     * The app's texts in a language (then English, then any).
     *
     * @param language a language code
     * @return the texts, or empty when the app has none
     */
    public Optional<AppText> text(String language) {
        return translations.get(language);
    }

    /**
     * The app's name in a language (then English, then any), or its id when it has no texts.
     *
     * @param language a language code
     * @return the name
     */
    public String name(String language) {
        return translations
                .get(language)
                .map(AppText::name)
                .filter(n -> !n.isEmpty())
                .orElse(id);
    }

    /** A short description without certificate and releases in full. */
    @Override
    public String toString() {
        return "App[" + id + ", " + releases.size() + " releases]";
    }
}
