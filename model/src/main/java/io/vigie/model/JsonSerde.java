package io.vigie.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON encoding of one record type for a topic. {@link #decode} explains why a value is unreadable, so the
 * caller can write a {@link DeadLetter} with that reason instead of dropping the record or crashing.
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {
    private final ObjectMapper mapper;
    private final Class<T> type;

    public JsonSerde(ObjectMapper mapper, Class<T> type) {
        this.mapper = mapper;
        this.type = type;
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(VigieJson.newMapper(), type);
    }

    public Class<T> type() {
        return type;
    }

    public byte[] encode(T value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a value, or throws {@link UndecodableRecordException} whose message says what is wrong. */
    public T decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new UndecodableRecordException("empty value where a " + type.getSimpleName() + " was expected", null);
        }
        try {
            T value = mapper.readValue(bytes, type);
            if (value == null) {
                throw new UndecodableRecordException("JSON null where a " + type.getSimpleName() + " was expected", null);
            }
            return value;
        } catch (JsonMappingException e) {
            throw new UndecodableRecordException(reason(e), e);
        } catch (JsonProcessingException e) {
            throw new UndecodableRecordException("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UndecodableRecordException("unreadable: " + e.getMessage(), e);
        }
    }

    private String reason(JsonMappingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Schema.MissingFieldException || t instanceof IllegalArgumentException && t != e) {
                return "invalid " + type.getSimpleName() + ": " + t.getMessage();
            }
        }
        String path = e.getPath().isEmpty() ? "" : " at " + e.getPathReference().replaceFirst("^[^\\[]*", "");
        return "invalid " + type.getSimpleName() + path + ": " + e.getOriginalMessage();
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return data == null ? null : encode(data);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        // A null value is a tombstone on compacted topics, not an error.
        return data == null ? null : decode(data);
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {}

    @Override
    public void close() {}
}
