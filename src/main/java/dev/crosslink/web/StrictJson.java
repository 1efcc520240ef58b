package dev.crosslink.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A field of the wrong type is a 400 naming it (CONTRACT section 4), never quietly converted:
 * Jackson's defaults would store {@code "name": true} as the text "true", a title {@code 5} as "5",
 * tags {@code [false, 1.5]} as tags, and {@code "status": 1} as the second status. Generated
 * clients and property-based testers send exactly such values, and expect them refused.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        // no number or boolean where text is expected
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // no text where a number or a boolean is expected ("5", "true")
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        // an enum is one of its names, not its position
        mapper.configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true);
        // a single value is not a one-element list
        mapper.configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, false);
    }
}
