package dev.crosslink.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Locale;
import java.util.Set;

/** editor writes content; admin also manages tokens, imports and re-renders. */
public enum Role {
    EDITOR, ADMIN;

    /** Role names used in {@code @RolesAllowed}. */
    public static final String EDITOR_NAME = "editor";
    public static final String ADMIN_NAME = "admin";

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role fromWire(String value) {
        for (Role role : values()) {
            if (role.wire().equals(value)) {
                return role;
            }
        }
        throw new IllegalArgumentException("must be editor or admin");
    }

    /** The security roles a token of this role holds: an admin is also an editor. */
    public Set<String> grants() {
        return this == ADMIN ? Set.of(ADMIN_NAME, EDITOR_NAME) : Set.of(EDITOR_NAME);
    }

    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<Role, String> {
        @Override
        public String convertToDatabaseColumn(Role role) {
            return role == null ? null : role.wire();
        }

        @Override
        public Role convertToEntityAttribute(String value) {
            return value == null ? null : fromWire(value);
        }
    }
}
