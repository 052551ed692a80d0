package dev.ecsplatform.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A container image reference taken apart: {@code [registry[:port]/]repository[:tag][@digest]}.
 *
 * <p>The tag is what follows the last {@code :} after the last {@code /}, so the port of
 * {@code registry.example.com:5000/app} is no tag.
 *
 * @param tag    the tag as written, e.g. {@code 1.27-alpine} or {@code latest}; empty when there is none
 * @param digest the digest after {@code @}, e.g. {@code sha256:3f1c...}; empty when there is none
 */
record ImageReference(Optional<String> tag, Optional<String> digest) {

    /** The digest ECS and every registry accept: SHA-256, as 64 lower-case hex digits. */
    static final Pattern SHA256_DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    static ImageReference parse(String image) {
        int at = image.indexOf('@');
        String name = at < 0 ? image : image.substring(0, at);
        Optional<String> digest = at < 0 ? Optional.empty() : Optional.of(image.substring(at + 1));
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        Optional<String> tag = colon > slash ? Optional.of(name.substring(colon + 1)) : Optional.empty();
        return new ImageReference(tag, digest);
    }

    /**
     * Whether every task started from this reference runs the same build: it has a digest, or a tag
     * other than {@code latest}. (A tag can still be pushed again; a digest cannot.)
     */
    boolean isPinned() {
        return digest.isPresent() || tag.filter(t -> !t.equals("latest")).isPresent();
    }
}
