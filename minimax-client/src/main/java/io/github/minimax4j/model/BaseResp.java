package io.github.minimax4j.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * MiniMax's own status, which it can send inside an HTTP 200: a code other than 0 is an error (the
 * client turns it into a typed exception before a caller sees the response).
 *
 * @param statusCode 0 on success
 * @param statusMsg MiniMax's message
 */
public record BaseResp(int statusCode, @Nullable String statusMsg) {

    /**
     * Whether this status is an error (any code but 0).
     * @return true for an error
     */
    @JsonIgnore
    public boolean isError() {
        return this.statusCode != 0;
    }
}
