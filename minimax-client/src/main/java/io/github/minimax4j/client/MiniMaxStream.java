package io.github.minimax4j.client;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.github.minimax4j.error.MiniMaxIoException;

/**
 * What both stream types share: events read from an open HTTP response as they arrive, nothing buffered
 * beyond the event being read, iterated once; closing it (or reading it to the end, or an error) releases the
 * connection, and closing early aborts the response instead of reading the rest. Internal: only
 * {@link MessageStream} and {@link ChatCompletionStream} extend it, and only the client creates those.
 *
 * @param <T> event type
 */
abstract sealed class MiniMaxStream<T> implements Iterable<T>, AutoCloseable
        permits MessageStream, ChatCompletionStream {

    private final Iterator<T> events;

    private final AutoCloseable connection;

    private final StreamProgress<T> progress;

    private boolean iterated;

    private boolean closed;

    MiniMaxStream(Iterator<T> events, AutoCloseable connection, StreamProgress<T> progress) {
        this.events = events;
        this.connection = connection;
        this.progress = progress;
    }

    /** An iterator that hands each event to {@code action} before returning it. */
    static <E> Iterator<E> peek(Iterator<E> events, Consumer<? super E> action) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return events.hasNext();
            }

            @Override
            public E next() {
                E event = events.next();
                action.accept(event);
                return event;
            }
        };
    }

    /**
     * The events, in order, each as soon as it has arrived.
     * @throws IllegalStateException when called a second time
     */
    @Override
    public Iterator<T> iterator() {
        if (this.iterated) {
            throw new IllegalStateException("A MiniMax stream can be iterated only once");
        }
        this.iterated = true;
        return new ClosingIterator();
    }

    /**
     * The events as a {@link Stream}; closing it closes this.
     * @return the events, in order
     */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
            .onClose(this::close);
    }

    /** Reads whatever is left (whether or not the caller iterated), so subclasses can finish accumulating. */
    final void drain() {
        Iterator<T> remaining = this.iterated ? null : iterator();
        if (remaining == null) {
            remaining = new ClosingIterator();
        }
        while (remaining.hasNext()) {
            remaining.next();
        }
    }

    /** Whether a caller has started reading (options that change what is kept must come before). */
    final boolean iterationStarted() {
        return this.iterated;
    }

    /** Releases the connection; safe to call more than once. */
    @Override
    public void close() {
        if (this.closed) {
            return;
        }
        this.closed = true;
        this.progress.cancelled();
        try {
            this.connection.close();
        }
        catch (Exception ex) {
            throw new MiniMaxIoException("Could not close the MiniMax stream's connection", ex);
        }
    }

    /** Closes the connection when the events end or fail, so a caller who forgets close() leaks nothing. */
    private final class ClosingIterator implements Iterator<T> {

        @Override
        public boolean hasNext() {
            if (MiniMaxStream.this.closed) {
                return false;
            }
            try {
                boolean hasNext = MiniMaxStream.this.events.hasNext();
                if (!hasNext) {
                    MiniMaxStream.this.progress.end();
                    close();
                }
                return hasNext;
            }
            catch (RuntimeException ex) {
                closeQuietly(ex);
                throw ex;
            }
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException("The MiniMax stream has no more events");
            }
            try {
                T event = MiniMaxStream.this.events.next();
                MiniMaxStream.this.progress.event(event);
                return event;
            }
            catch (RuntimeException ex) {
                closeQuietly(ex);
                throw ex;
            }
        }

        private void closeQuietly(RuntimeException failure) {
            MiniMaxStream.this.progress.failed(failure);
            try {
                close();
            }
            catch (RuntimeException closeFailure) {
                failure.addSuppressed(closeFailure);
            }
        }
    }
}
