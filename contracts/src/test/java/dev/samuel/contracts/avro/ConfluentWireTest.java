package dev.samuel.contracts.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samuel.contracts.event.InvalidRecordException;
import dev.samuel.contracts.event.RejectReason;
import org.junit.jupiter.api.Test;

class ConfluentWireTest {

    @Test
    void readsTheSchemaIdBigEndian() {
        var record = new byte[] {0, 0x01, 0x02, 0x03, 0x04, 42};

        var wire = ConfluentWire.parse(record);

        assertThat(wire.schemaId()).isEqualTo(0x01020304);
        assertThat(wire.bodyLength()).isEqualTo(1);
        assertThat(record[ConfluentWire.BODY_OFFSET]).isEqualTo((byte) 42);
    }

    @Test
    void frameWritesWhatParseReads() {
        var framed = ConfluentWire.frame(70000, new byte[] {7, 8});

        assertThat(framed).containsExactly(0, 0, 1, 0x11, 0x70, 7, 8);
        assertThat(ConfluentWire.parse(framed).schemaId()).isEqualTo(70000);
    }

    @Test
    void anEmptyBodyIsAWellFormedHeader() {
        assertThat(ConfluentWire.parse(new byte[] {0, 0, 0, 0, 5}).bodyLength()).isZero();
    }

    @Test
    void refusesARecordWithoutTheMagicByte() {
        assertThatThrownBy(() -> ConfluentWire.parse("{\"x\":1}".getBytes()))
                .isInstanceOfSatisfying(InvalidRecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.INVALID_BINARY))
                .hasMessageContaining("0x7b").hasMessageContaining("magic byte 0");
    }

    @Test
    void refusesARecordTooShortForItsHeader() {
        assertThatThrownBy(() -> ConfluentWire.parse(new byte[] {0, 0, 1}))
                .isInstanceOfSatisfying(InvalidRecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.INVALID_BINARY))
                .hasMessageContaining("3 bytes").hasMessageContaining("5-byte header");
    }

    @Test
    void refusesAnEmptyRecord() {
        assertThatThrownBy(() -> ConfluentWire.parse(new byte[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> ConfluentWire.parse(null)).hasMessageContaining("empty");
    }
}
