package io.github.minimax4j.client;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Flow;

import io.github.minimax4j.error.MiniMaxException;
import io.github.minimax4j.error.MiniMaxIoException;
import io.github.minimax4j.error.MiniMaxTimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.web.client.RestClient;

/**
 * The {@code multipart/form-data} body of one upload: the {@code purpose} field, then the file, streamed from its
 * source as it is sent, never held in memory. The JDK transport sends it as {@link #publisher} (the file read by
 * the JDK's own {@code ofFile}); every other request factory has it written through {@link #writeTo}.
 * Both report each piece sent to the call's {@link ReadWatchdog}, so a long upload is not taken for silence.
 */
final class MultipartBody implements StreamingHttpOutputMessage.Body, Outgoing {

    private final FileUpload upload;

    private final String boundary = "minimax4j-" + UUID.randomUUID();

    private final byte[] head;

    private final byte[] tail;

    private @Nullable ReadWatchdog watchdog;

    MultipartBody(FileUpload upload) {
        this.upload = upload;
        String dash = "--" + this.boundary;
        this.head = (dash + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\n" + upload.purpose().value()
                + "\r\n" + dash + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + quoted(upload.filename()) + "\"\r\nContent-Type: " + upload.contentType() + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
        this.tail = ("\r\n" + dash + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The header value, with the boundary. */
    String contentType() {
        return "multipart/form-data; boundary=" + this.boundary;
    }

    long contentLength() {
        return this.head.length + this.upload.length() + this.tail.length;
    }

    FileUpload upload() {
        return this.upload;
    }

    @Override
    public HttpMethod method() {
        return HttpMethod.POST;
    }

    @Override
    public void write(RestClient.RequestBodySpec request, ReadWatchdog watchdog) {
        this.watchdog = watchdog;
        request.contentType(MediaType.parseMediaType(contentType())).contentLength(contentLength()).body(this);
    }

    /**
     * An upload is sent again only when no byte of a response arrived ({@link RetryRule} marks only such I/O failures
     * retriable) and its content can be read again; a whole error answer, even one RetryRule would retry for
     * other calls, ends it (a second large body is not sent on the client's initiative), and a one-shot stream
     * says why.
     */
    @Override
    public @Nullable MiniMaxException refuseRetry(MiniMaxException failure) {
        if (!(failure instanceof MiniMaxIoException io)) {
            return failure;
        }
        if (this.upload.replayable()) {
            return null;
        }
        String message = io.getMessage() + " The upload was not retried: its content is a one-shot InputStream, "
                + "which cannot be sent again; upload from a Path to have a failed upload retried.";
        return (io instanceof MiniMaxTimeoutException) ? new MiniMaxTimeoutException(message, io)
                : new MiniMaxIoException(message, io);
    }

    @Override
    public boolean repeatable() {
        return this.upload.replayable();
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(this.head);
        sent();
        byte[] buffer = new byte[64 * 1024];
        long left = this.upload.length();
        try (InputStream in = openForSending()) {
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    throw new IOException("the upload's content ended after " + (this.upload.length() - left) + " of "
                            + this.upload.length() + " bytes");
                }
                out.write(buffer, 0, read);
                left -= read;
                sent();
            }
        }
        out.write(this.tail);
        sent();
    }

    /**
     * The body as the JDK client's publisher: the two multipart frames around the file, read by the JDK's
     * {@code ofFile} (a {@link Path}) or, from a stream, by {@code ofInputStream} with its length fixed.
     */
    HttpRequest.BodyPublisher publisher() throws FileNotFoundException {
        Path path = this.upload.path();
        HttpRequest.BodyPublisher file = (path != null) ? HttpRequest.BodyPublishers.ofFile(path)
                : HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
                    try {
                        return openForSending();
                    }
                    catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                }), this.upload.length());
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofByteArray(this.head), file, HttpRequest.BodyPublishers.ofByteArray(this.tail));
        return new Watched(body);
    }

    /** A stream's content is the caller's: it is not closed here, a file's is. */
    private InputStream openForSending() throws IOException {
        InputStream in = this.upload.open();
        return (this.upload.path() != null) ? in : new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // the caller's stream: the caller closes it
            }
        };
    }

    private void sent() {
        ReadWatchdog current = this.watchdog;
        if (current != null) {
            current.activity();
        }
    }

    /** Escapes a file name for a quoted header parameter, as browsers do ({@code "} as {@code %22}). */
    private static String quoted(String filename) {
        return filename.replace("\"", "%22");
    }

    /** Tells the watchdog each time the JDK client takes a buffer of the body. */
    private final class Watched implements HttpRequest.BodyPublisher {

        private final HttpRequest.BodyPublisher body;

        Watched(HttpRequest.BodyPublisher body) {
            this.body = body;
        }

        @Override
        public long contentLength() {
            return this.body.contentLength();
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            this.body.subscribe(new Flow.Subscriber<ByteBuffer>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscriber.onSubscribe(subscription);
                }

                @Override
                public void onNext(ByteBuffer item) {
                    sent();
                    subscriber.onNext(item);
                }

                @Override
                public void onError(Throwable throwable) {
                    subscriber.onError(throwable);
                }

                @Override
                public void onComplete() {
                    subscriber.onComplete();
                }
            });
        }
    }
}
