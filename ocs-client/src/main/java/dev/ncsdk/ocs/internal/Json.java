package dev.ncsdk.ocs.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.Locale;

/**
 * The SDK's one lenient JSON mapper. Reads what Nextcloud sends in either format: numbers as strings ({@code
 * "7"}), booleans as {@code 1}/{@code "1"}/{@code ""}, empty strings or {@code []} where an object or list would
 * be, single values where a list would be, unknown fields. Writes strictly. Thread-safe.
 */
public final class Json {
    /** The deepest nesting a document may have. */
    public static final int MAX_DEPTH = 200;

    private static final ObjectMapper MAPPER = create();

    private Json() {}

    /**
     * The shared mapper. Do not reconfigure it.
     *
     * @return the mapper
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper create() {
        SimpleModule lenient = new SimpleModule("ncsdk-lenient");
        lenient.addDeserializer(Boolean.class, new LenientBoolean(null));
        lenient.addDeserializer(boolean.class, new LenientBoolean(false));
        JsonMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
                .enable(DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .addModule(lenient)
                .build();
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .build());
        // XML sends "" for an empty list or map, JSON sends [] for an empty map
        mapper.coercionConfigFor(LogicalType.Collection)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsEmpty);
        mapper.coercionConfigFor(LogicalType.Map).setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsEmpty);
        mapper.coercionConfigFor(LogicalType.Map).setCoercion(CoercionInputShape.EmptyArray, CoercionAction.AsEmpty);
        mapper.coercionConfigFor(LogicalType.Array).setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsEmpty);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull);
        return mapper;
    }

    /**
     * Reads {@code true}/{@code false}, {@code 1}/{@code 0}, {@code "1"}/{@code "0"}, {@code "yes"}/{@code "no"};
     * {@code ""} (how PHP writes {@code false} in XML) and {@code []} are false, {@code null} is absent.
     */
    static final class LenientBoolean extends JsonDeserializer<Boolean> {
        private final Boolean emptyValue;

        LenientBoolean(Boolean emptyValue) {
            this.emptyValue = emptyValue;
        }

        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            switch (t) {
                case VALUE_TRUE:
                    return Boolean.TRUE;
                case VALUE_FALSE:
                    return Boolean.FALSE;
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    return p.getDoubleValue() != 0;
                case VALUE_NULL:
                    return emptyValue;
                case VALUE_STRING:
                    String s = p.getText().trim().toLowerCase(Locale.ROOT);
                    switch (s) {
                        case "":
                            return Boolean.FALSE; // PHP's false in XML
                        case "1":
                        case "true":
                        case "yes":
                        case "on":
                            return Boolean.TRUE;
                        case "0":
                        case "false":
                        case "no":
                        case "off":
                            return Boolean.FALSE;
                        default:
                            return (Boolean) ctxt.handleWeirdStringValue(Boolean.class, s, "not a boolean");
                    }
                case START_ARRAY:
                    // XML and PHP write an empty value as [] at times
                    if (p.nextToken() == JsonToken.END_ARRAY) {
                        return Boolean.FALSE;
                    }
                    return (Boolean) ctxt.handleUnexpectedToken(Boolean.class, p);
                default:
                    return (Boolean) ctxt.handleUnexpectedToken(Boolean.class, p);
            }
        }

        @Override
        public Boolean getNullValue(DeserializationContext ctxt) {
            return emptyValue;
        }
    }
}
