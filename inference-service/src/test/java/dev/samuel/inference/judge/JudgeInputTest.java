package dev.samuel.inference.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The judge's repartition records keep the layout they had when a {@code DataOutputStream} wrote them. */
class JudgeInputTest {

    @Test
    void aRecordIsWrittenAsBeforeAndOneWrittenBeforeIsRead() throws IOException {
        var input = new JudgeInput(JudgeInput.Kind.LABEL, "sensor-7", "sensor-7.train", 2, 1_234_567_890_123L,
                "{\"features\": [1, 2]}".getBytes(StandardCharsets.UTF_8));
        var before = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(before)) {
            out.writeByte(input.kind().ordinal());
            out.writeUTF(input.model());
            out.writeUTF(input.topic());
            out.writeInt(input.partition());
            out.writeLong(input.offset());
            out.write(input.payload());
        }

        assertThat(input.encode()).isEqualTo(before.toByteArray());
        var read = JudgeInput.decode(before.toByteArray());
        assertThat(read).usingRecursiveComparison().isEqualTo(input);
    }
}
