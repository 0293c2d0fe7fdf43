package dev.samuel.plumbing.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A refusal as every Samuel service answers it, and as {@link ServiceHttp} reads it: the HTTP status, a message naming
 * the problem, every problem of a spec, a reason code for metrics; parts a refusal does not have are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(int status, String message, List<String> problems, String reason) {

    public static ErrorBody of(int status, String message) {
        return new ErrorBody(status, message, null, null);
    }
}
