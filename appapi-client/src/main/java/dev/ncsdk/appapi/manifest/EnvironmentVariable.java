package dev.ncsdk.appapi.manifest;

import java.util.Objects;

/**
 * An environment variable the ExApp declares. AppAPI only lets admins set declared variables (an allow-list),
 * and drops variables whose final value is empty.
 *
 * @param name the variable name
 * @param displayName the name shown in the install dialog
 * @param description the help text
 * @param defaultValue the default, empty for none
 * @since 0.1.0
 */
public record EnvironmentVariable(String name, String displayName, String description, String defaultValue) {
    /**
     * Fills defaults.
     *
     * @param name the name
     * @param displayName the display name, defaults to the name
     * @param description the description
     * @param defaultValue the default
     */
    public EnvironmentVariable {
        Objects.requireNonNull(name, "name");
        displayName = displayName == null || displayName.isEmpty() ? name : displayName;
        description = description == null ? "" : description;
        defaultValue = defaultValue == null ? "" : defaultValue;
    }

    /**
     * A variable with a default.
     *
     * @param name the name
     * @param defaultValue the default
     * @return the variable
     */
    public static EnvironmentVariable of(String name, String defaultValue) {
        return new EnvironmentVariable(name, name, "", defaultValue);
    }
}
