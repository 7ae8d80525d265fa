package io.github.minimax4j.springai;

/**
 * Where MiniMax's prompt cache breakpoints ({@code cache_control: {"type": "ephemeral"}}) go, the strategies of
 * Spring AI's Anthropic module. The prompt up to and including a breakpoint is cached; at most 3 are placed
 * (MiniMax, like Anthropic, takes 4). MiniMax documents no cache lifetime option, so there is none here.
 */
public enum MiniMaxCacheStrategy {

    /** No breakpoint. */
    NONE,

    /** A breakpoint on the last system block. */
    SYSTEM_ONLY,

    /** A breakpoint on the last tool definition. */
    TOOLS_ONLY,

    /** Breakpoints on the last tool definition and the last system block. */
    SYSTEM_AND_TOOLS,

    /**
     * Breakpoints on the last tool definition, the last system block and the last block of the last user turn
     * (its text, media or tool results), so each turn of a conversation reads the one before from the cache.
     */
    CONVERSATION_HISTORY
}
