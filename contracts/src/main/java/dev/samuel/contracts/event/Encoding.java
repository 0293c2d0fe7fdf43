package dev.samuel.contracts.event;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * How a record value is encoded, announced by the {@value #HEADER} header. JSON is the default; {@code f32le}
 * is the compact binary tensor encoding for high-throughput producers (see {@link BinaryCodec}).
 */
public enum Encoding {
    JSON("json"),
    F32LE("f32le");

    public static final String HEADER = "samuel.encoding";

    private final String code;

    Encoding(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public byte[] headerValue() {
        return code.getBytes(StandardCharsets.UTF_8);
    }

    /** The encoding a record announces; JSON when it announces none. */
    public static Encoding of(Headers headers) {
        Header header = headers == null ? null : headers.lastHeader(HEADER);
        if (header == null) {
            return JSON;
        }
        if (header.value() == null) {
            // Legal on the wire, and announces nothing readable.
            throw new InvalidRecordException(RejectReason.UNKNOWN_ENCODING, "header " + HEADER + " has no value");
        }
        return of(new String(header.value(), StandardCharsets.UTF_8));
    }

    public static Encoding of(String code) {
        for (var encoding : values()) {
            if (encoding.code.equals(code)) {
                return encoding;
            }
        }
        throw new InvalidRecordException(RejectReason.UNKNOWN_ENCODING,
                "header " + HEADER + " must be one of json, f32le, got '" + code + "'");
    }
}
