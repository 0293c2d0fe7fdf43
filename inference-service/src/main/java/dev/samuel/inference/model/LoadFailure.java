package dev.samuel.inference.model;

/** Why a champion version was refused; the {@code code} is the metric tag. */
public enum LoadFailure {
    NO_SPEC("no_spec"),
    NO_VERSION("no_version"),
    DOWNLOAD("download"),
    CHECKSUM("checksum"),
    CORRUPT("corrupt"),
    SHAPE("shape"),
    WARM_UP("warm_up");

    private final String code;

    LoadFailure(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
