package io.github.minimax4j.test.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** A {@code multipart/form-data} body split into its parts: enough of RFC 7578 to read what clients upload. */
record Multipart(List<Part> parts) {

    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");

    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

    /** One part: its Content-Disposition, its Content-Type (or null) and its bytes. */
    record Part(String disposition, @Nullable String contentType, byte[] content) {

        @Nullable String name() {
            Matcher name = NAME.matcher(this.disposition);
            return name.find() ? name.group(1) : null;
        }

        @Nullable String filename() {
            Matcher filename = FILENAME.matcher(this.disposition);
            return filename.find() ? filename.group(1) : null;
        }
    }

    /** The file part. */
    record FilePart(String filename, @Nullable String contentType, byte[] content) {
    }

    /** The body's parts, or null when it is not a multipart body framed by the boundary its content type names. */
    static @Nullable Multipart parse(@Nullable String contentType, byte[] body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        int at = contentType.indexOf("boundary=");
        if (at < 0) {
            return null;
        }
        String boundary = contentType.substring(at + "boundary=".length()).replace("\"", "").split(";")[0].trim();
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int position = indexOf(body, delimiter, 0);
        if (position != 0) {
            return null;
        }
        while (true) {
            int start = position + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                return new Multipart(parts);
            }
            start += 2; // CRLF after the delimiter
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), start);
            if (next < 0) {
                return null;
            }
            Part part = part(body, start, next);
            if (part == null) {
                return null;
            }
            parts.add(part);
            position = next + 2;
        }
    }

    @Nullable String field(String name) {
        for (Part part : this.parts) {
            if (name.equals(part.name()) && part.filename() == null) {
                return new String(part.content(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Nullable FilePart file() {
        for (Part part : this.parts) {
            if ("file".equals(part.name()) && part.filename() != null) {
                return new FilePart(part.filename(), part.contentType(), part.content());
            }
        }
        return null;
    }

    private static @Nullable Part part(byte[] body, int start, int end) {
        int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
        if (headersEnd < 0 || headersEnd > end) {
            return null;
        }
        String disposition = "";
        String contentType = null;
        for (String line : new String(body, start, headersEnd - start, StandardCharsets.UTF_8).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (name.equals("content-disposition")) {
                disposition = line.substring(colon + 1).trim();
            }
            else if (name.equals("content-type")) {
                contentType = line.substring(colon + 1).trim();
            }
        }
        byte[] content = java.util.Arrays.copyOfRange(body, headersEnd + 4, end);
        return new Part(disposition, contentType, content);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer: for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
