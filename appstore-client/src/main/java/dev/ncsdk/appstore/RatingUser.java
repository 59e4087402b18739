package dev.ncsdk.appstore;

/**
 * The author of a rating.
 *
 * @param id the user's store id
 * @param firstName first name, possibly empty
 * @param lastName last name, possibly empty
 * @since 0.1.0
 */
public record RatingUser(long id, String firstName, String lastName) {
    public RatingUser {
        // Normalises absent values.
        firstName = firstName == null ? "" : firstName;
        lastName = lastName == null ? "" : lastName;
    }
}
