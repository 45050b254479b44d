package org.kdclaims.models;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The short hash of a graph's description that goes into a provided architecture's model key. */
final class GraphHash {
    private GraphHash() {
    }

    /** The first 16 hex digits of the SHA-256: 64 bits, plenty to tell definitions apart. */
    static String of(String description) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(description.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
