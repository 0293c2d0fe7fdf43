package dev.samuel.trainer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samuel.onnx.train.Dataset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    @Test
    void handsOverTheBuffersInOrderThenNothing() throws Exception {
        try (var ahead = new ReadAhead<Dataset>(buffers -> {
            for (int rows = 1; rows <= 3; rows++) {
                buffers.accept(rows(rows));
            }
        })) {
            assertThat(ahead.next().rows()).isEqualTo(1);
            assertThat(ahead.next().rows()).isEqualTo(2);
            assertThat(ahead.next().rows()).isEqualTo(3);
            assertThat(ahead.next()).isNull();
        }
    }

    @Test
    void aReadersFailureIsThrownWhereTheBuffersAreTaken() throws Exception {
        try (var ahead = new ReadAhead<Dataset>(buffers -> {
            buffers.accept(rows(1));
            throw new IllegalStateException("disk gone");
        })) {
            assertThat(ahead.next().rows()).isEqualTo(1);
            assertThatThrownBy(ahead::next).hasMessageContaining("reading the training set failed: disk gone");
        }
    }

    /** A job stopped mid-epoch: the reader, waiting to hand over its next buffer, stops reading. */
    @Test
    void closingStopsAReaderThatIsAhead() throws Exception {
        var read = new AtomicInteger();
        var ahead = new ReadAhead<Dataset>(buffers -> {
            for (int i = 0; i < 1_000; i++) {
                buffers.accept(rows(1));
                read.incrementAndGet();
            }
        });
        ahead.next();

        ahead.close();

        assertThat(read.get()).isLessThan(5);
    }

    private static Dataset rows(int rows) {
        return Dataset.classification(new float[rows], 1, new long[rows]);
    }
}
