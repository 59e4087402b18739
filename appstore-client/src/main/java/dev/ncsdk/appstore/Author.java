package dev.ncsdk.appstore;

/**
 * An app author.
 *
 * @param name the name
 * @param mail the e-mail address, possibly empty
 * @param homepage the home page, possibly empty
 * @since 0.1.0
 */
public record Author(String name, String mail, String homepage) {
    public Author {
        // Normalises absent values to empty strings.
        name = name == null ? "" : name;
        mail = mail == null ? "" : mail;
        homepage = homepage == null ? "" : homepage;
    }
}
