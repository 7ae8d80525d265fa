package io.github.minimax4j.health;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Makes text fit for a health detail, which anyone allowed to see {@code /actuator/health} reads: URLs lose
 * credentials and query strings (an I/O error names the URL it failed on), and the text is kept short (an
 * error may quote a whole server message). The API key itself is already redacted by the client.
 */
final class ErrorText {

    static final int MAX_LENGTH = 300;

    private static final Pattern USER_INFO = Pattern.compile("(\\b[a-zA-Z][a-zA-Z0-9+.-]*://)[^/\\s@]*@");

    private static final Pattern QUERY = Pattern.compile("(\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s?#]*)[?#][^\\s),;]*");

    private ErrorText() {
    }

    static String sanitize(String text) {
        String clean = QUERY.matcher(USER_INFO.matcher(text).replaceAll("$1")).replaceAll("$1");
        clean = clean.replaceAll("\\s+", " ").strip();
        return (clean.length() > MAX_LENGTH) ? clean.substring(0, MAX_LENGTH) + "…" : clean;
    }

    /** Scheme, host, port and path only. */
    static String displayUrl(URI url) {
        return url.getScheme() + "://" + url.getHost() + ((url.getPort() != -1) ? ":" + url.getPort() : "")
                + ((url.getRawPath() != null) ? url.getRawPath() : "");
    }
}
