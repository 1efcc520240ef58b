package dev.crosslink.post;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Locale;

/** draft, scheduled or published, written in lowercase in JSON and in the database. */
public enum PostStatus {
    DRAFT, SCHEDULED, PUBLISHED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static PostStatus fromWire(String value) {
        for (PostStatus status : values()) {
            if (status.wire().equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("must be one of draft, scheduled, published");
    }

    @Converter(autoApply = true)
    public static class Column implements AttributeConverter<PostStatus, String> {
        @Override
        public String convertToDatabaseColumn(PostStatus status) {
            return status == null ? null : status.wire();
        }

        @Override
        public PostStatus convertToEntityAttribute(String value) {
            return value == null ? null : fromWire(value);
        }
    }
}
