package io.github.minimax4j.test.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Identifiers shaped like MiniMax's: 32-hex response ids, {@code call_} tool ids, 64-hex signatures. */
final class Ids {

    private Ids() {
    }

    static String responseId() {
        return randomHex(16);
    }

    static String toolCallId() {
        return "call_" + randomHex(12);
    }

    /** SHA-256 of the thinking text: 64 hex digits like the real signature, and stable for the same text. */
    static String signature(String thinking) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(thinking.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required by every JDK", ex);
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
