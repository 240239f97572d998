package org.corridor.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * JSON rules shared by every service. What a caller sends is read strictly, so that a mistake is a 400 problem instead
 * of a silently different request:
 * <ul>
 * <li>quantities and counts are integers, so 1.5 is refused instead of being truncated to 1;</li>
 * <li>an enum is given by name, so 3 is refused instead of silently meaning the fourth constant;</li>
 * <li>a key given twice in one object ({@code {"reference":"a","reference":"b"}}) is refused: which one was meant
 * cannot be known;</li>
 * <li>a field the request does not have is refused (a typo such as {@code quantitiy} would otherwise be dropped and the
 * field's default used);</li>
 * <li>text with the NUL character (U+0000) is refused: PostgreSQL cannot store it, and would fail the request with a
 * 500.</li>
 * </ul>
 * What another Corridor service answers is read leniently: its answers gain fields over time, and a client must keep
 * working when they do. The REST clients read with this same mapper, so every type declared in a {@code client} package
 * (the wire records of {@code client/<upstream>/XxxClient}, see docs/architecture.md) ignores fields it does not know,
 * whether or not it says so with {@code @JsonIgnoreProperties(ignoreUnknown = true)}.
 * <p>
 * Durations are written as ISO-8601 text (PT36H), as they are read.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Why a string with a NUL character is refused. */
    public static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        mapper.registerModule(new SimpleModule("corridor-strict-json").setDeserializerModifier(new LenientClients())
                .addDeserializer(String.class, new NulFreeStrings()));
    }

    /** True for a type declared in a {@code client} package ({@code org.corridor.x.client.y}), nested or not. */
    static boolean isClientWireType(Class<?> type) {
        String name = type.getName();
        int lastDot = name.lastIndexOf('.');
        String pkg = lastDot < 0 ? "" : name.substring(0, lastDot);
        return (pkg + ".").contains(".client.");
    }

    /** Strings as Jackson reads them, except that one with a NUL character is refused (InvalidFormatException). */
    static final class NulFreeStrings extends StringDeserializer {

        private static final long serialVersionUID = 1L;

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\0') >= 0) {
                return (String) ctxt.handleWeirdStringValue(String.class, value, NUL_MESSAGE);
            }
            return value;
        }
    }

    /** Client wire types ignore unknown fields (forward compatibility with the services they read). */
    static final class LenientClients extends BeanDeserializerModifier {

        private static final long serialVersionUID = 1L;

        @Override
        public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                BeanDeserializerBuilder builder) {
            if (isClientWireType(description.getBeanClass())) {
                builder.setIgnoreUnknownProperties(true);
            }
            return builder;
        }
    }
}
