package dev.samuel.contracts.serde;

import dev.samuel.contracts.event.Codec;
import dev.samuel.contracts.event.Encoding;
import dev.samuel.contracts.event.JsonReader;
import dev.samuel.contracts.event.JsonWriter;
import dev.samuel.contracts.event.LabelledExample;
import dev.samuel.contracts.event.Prediction;
import dev.samuel.contracts.event.UnlabelledEvent;
import dev.samuel.contracts.registry.RegistryRecord;
import org.apache.kafka.common.serialization.Serde;

/** Serdes of every Samuel format. Event serdes read both encodings; they write the one they are made for. */
public final class SamuelSerdes {

    private SamuelSerdes() {
    }

    public static Serde<LabelledExample> labelled(Encoding encoding) {
        return new EventSerde<>(encoding, Codec::write, Codec.WITHOUT_REGISTRY::readLabelled);
    }

    public static Serde<UnlabelledEvent> unlabelled(Encoding encoding) {
        return new EventSerde<>(encoding, Codec::write, Codec.WITHOUT_REGISTRY::readUnlabelled);
    }

    public static Serde<Prediction> prediction() {
        return EventSerde.json(JsonWriter::write, JsonReader::readPrediction);
    }

    public static Serde<RegistryRecord> registry() {
        return new JsonSerde<>(RegistryRecord.class);
    }
}
