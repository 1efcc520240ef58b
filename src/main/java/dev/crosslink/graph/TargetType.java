package dev.crosslink.graph;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What an internal link can point at. */
public enum TargetType {
    POST, CATEGORY, TAG;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TargetType fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
