package dev.samuel.plumbing.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of what a caller puts into a URL: a name that a person typed must stay one path segment or one
 * query value, whatever it holds ({@code /}, {@code ?}, {@code #}, spaces, {@code ..}).
 */
public final class UrlEncoding {

    private UrlEncoding() {
    }

    /** One path segment. */
    public static String segment(String value) {
        // URLEncoder writes the form encoding, where '+' is a space; in a path '+' is a plus.
        var encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        // "." and ".." would be resolved away as relative segments by the client or a proxy; encoded, they reach the
        // service as data (one that resolves dot segments after decoding, as the registry does, answers 404).
        return encoded.equals(".") || encoded.equals("..") ? encoded.replace(".", "%2E") : encoded;
    }

    /** One query parameter's value. */
    public static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
