package dev.samuel.contracts.event;

/** Why a record was dead-lettered; the {@code code} is the reason header and the metric tag. */
public enum RejectReason {
    INVALID_JSON("invalid_json"),
    INVALID_BINARY("invalid_binary"),
    UNKNOWN_ENCODING("unknown_encoding"),
    WRONG_DIMENSION("wrong_dimension"),
    NOT_FINITE("not_finite"),
    WRONG_TYPE("wrong_type"),
    MISSING_FEATURES("missing_features"),
    UNKNOWN_FEATURE("unknown_feature"),
    MISSING_LABEL("missing_label"),
    INVALID_LABEL("invalid_label"),
    INVALID_WEIGHT("invalid_weight"),
    UNKNOWN_MODEL("unknown_model"),
    OVERSIZED("oversized");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
