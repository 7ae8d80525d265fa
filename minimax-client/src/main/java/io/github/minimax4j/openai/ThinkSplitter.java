package io.github.minimax4j.openai;

import org.jspecify.annotations.Nullable;

/**
 * Splits MiniMax's {@code <think>…</think>} reasoning off the start of content (sent that way when
 * {@code reasoning_split} is off). Fed piece by piece, it handles a tag split across stream chunks: text that
 * might be the start of a tag is held back until the next piece decides it.
 */
public final class ThinkSplitter {

    private static final String OPEN = "<think>";

    private static final String CLOSE = "</think>";

    private enum State { START, THINKING, VISIBLE }

    private State state = State.START;

    private final StringBuilder pending = new StringBuilder();

    private final StringBuilder reasoning = new StringBuilder();

    private final StringBuilder visible = new StringBuilder();

    private boolean trimVisibleStart = true;

    /** A splitter for one reply's content, before its first piece. */
    public ThinkSplitter() {
    }

    /**
     * What one piece adds.
     * @param reasoning reasoning text in this piece (may be empty)
     * @param visible visible text in this piece (may be empty)
     */
    public record Piece(String reasoning, String visible) {
    }

    /**
     * Splits whole content.
     * @param content the content, or null
     * @return reasoning (empty when there was no think block) and the visible content
     */
    public static Piece split(@Nullable String content) {
        ThinkSplitter splitter = new ThinkSplitter();
        splitter.accept((content != null) ? content : "");
        splitter.finish();
        return new Piece(splitter.reasoning.toString(), splitter.visible.toString());
    }

    /**
     * Takes the next piece of content.
     * @param chunk the next piece
     * @return what it adds, which may hold back a partial tag
     */
    public Piece accept(String chunk) {
        int reasoningBefore = this.reasoning.length();
        int visibleBefore = this.visible.length();
        this.pending.append(chunk);
        process(false);
        return new Piece(this.reasoning.substring(reasoningBefore), this.visible.substring(visibleBefore));
    }

    /**
     * The content has ended: releases anything held back.
     * @return what was held back
     */
    public Piece finish() {
        int reasoningBefore = this.reasoning.length();
        int visibleBefore = this.visible.length();
        process(true);
        return new Piece(this.reasoning.substring(reasoningBefore), this.visible.substring(visibleBefore));
    }

    private void process(boolean end) {
        while (this.pending.length() > 0) {
            if (this.state == State.START) {
                String head = stripLeading(this.pending.toString());
                if (head.startsWith(OPEN)) {
                    this.pending.setLength(0);
                    this.pending.append(head.substring(OPEN.length()));
                    this.state = State.THINKING;
                }
                else if (!end && OPEN.startsWith(head)) {
                    return; // maybe the start of <think>: wait for more
                }
                else {
                    this.state = State.VISIBLE;
                }
            }
            else if (this.state == State.THINKING) {
                int close = this.pending.indexOf(CLOSE);
                if (close >= 0) {
                    this.reasoning.append(this.pending, 0, close);
                    this.pending.delete(0, close + CLOSE.length());
                    this.state = State.VISIBLE;
                }
                else {
                    int keep = end ? 0 : partialSuffix(this.pending, CLOSE);
                    this.reasoning.append(this.pending, 0, this.pending.length() - keep);
                    this.pending.delete(0, this.pending.length() - keep);
                    return;
                }
            }
            else {
                String text = this.pending.toString();
                this.pending.setLength(0);
                if (this.trimVisibleStart) {
                    text = stripLeading(text);
                    this.trimVisibleStart = text.isEmpty();
                }
                this.visible.append(text);
            }
        }
    }

    /** Length of the longest suffix of {@code text} that is a proper prefix of {@code tag}. */
    private static int partialSuffix(CharSequence text, String tag) {
        for (int length = Math.min(tag.length() - 1, text.length()); length > 0; length--) {
            if (tag.startsWith(text.subSequence(text.length() - length, text.length()).toString())) {
                return length;
            }
        }
        return 0;
    }

    private static String stripLeading(String text) {
        return text.stripLeading();
    }
}
