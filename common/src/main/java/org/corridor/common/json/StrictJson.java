package org.corridor.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import org.corridor.common.time.DbClock;

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
 * <li>text with the NUL character (U+0000), and an instant or a date outside years 1 to 9999, are refused: PostgreSQL
 * cannot store them, and would fail the request with a 500.</li>
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
        mapper.registerModule(new SimpleModule("corridor-strict-values").setDeserializerModifier(new InRangeTimes())
                .addDeserializer(String.class, new NulFreeStrings()));
        mapper.registerModule(
                new SimpleModule("corridor-lenient-clients").setDeserializerModifier(new LenientClients()));
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
                throw InvalidFormatException.from(p, NUL_MESSAGE, value, String.class);
            }
            return value;
        }
    }

    /**
     * Instants and dates in years 1 to 9999 ({@link DbClock#inRange}): Java reads years up to a billion, which
     * PostgreSQL can neither store nor compare.
     */
    static final class InRangeTimes extends BeanDeserializerModifier {

        private static final long serialVersionUID = 1L;
        private static final Set<Class<?>> TIMES = Set.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class,
                LocalDateTime.class, LocalDate.class);

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                JsonDeserializer<?> deserializer) {
            return TIMES.contains(description.getBeanClass()) ? new InRange(deserializer) : deserializer;
        }

        static boolean inRange(Object value) {
            if (value instanceof Instant t) {
                return DbClock.inRange(t);
            }
            if (value instanceof OffsetDateTime t) {
                return DbClock.inRange(t.toInstant());
            }
            if (value instanceof ZonedDateTime t) {
                return DbClock.inRange(t.toInstant());
            }
            if (value instanceof LocalDateTime t) {
                return DbClock.inRange(t.toLocalDate());
            }
            return !(value instanceof LocalDate d) || DbClock.inRange(d);
        }
    }

    /** The time types' own deserializer, and a check of the range of what it read. */
    static final class InRange extends DelegatingDeserializer {

        private static final long serialVersionUID = 1L;

        InRange(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new InRange(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            if (value != null && !InRangeTimes.inRange(value)) {
                throw InvalidFormatException.from(p, DbClock.RANGE, p.getText(), value.getClass());
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
