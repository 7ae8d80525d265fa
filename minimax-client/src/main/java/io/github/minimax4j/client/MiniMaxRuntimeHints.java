package io.github.minimax4j.client;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.minimax4j.anthropic.ContentBlock;
import io.github.minimax4j.anthropic.ContentDelta;
import io.github.minimax4j.anthropic.ImageBlock;
import io.github.minimax4j.anthropic.MediaSource;
import io.github.minimax4j.anthropic.Message;
import io.github.minimax4j.anthropic.MessageRequest;
import io.github.minimax4j.anthropic.MessageResponse;
import io.github.minimax4j.anthropic.MessageStreamEvent;
import io.github.minimax4j.anthropic.Metadata;
import io.github.minimax4j.anthropic.Role;
import io.github.minimax4j.anthropic.StopReason;
import io.github.minimax4j.anthropic.SystemPrompt;
import io.github.minimax4j.anthropic.TextBlock;
import io.github.minimax4j.anthropic.ThinkingBlock;
import io.github.minimax4j.anthropic.TokenCount;
import io.github.minimax4j.anthropic.Tool;
import io.github.minimax4j.anthropic.ToolChoice;
import io.github.minimax4j.anthropic.ToolResultBlock;
import io.github.minimax4j.anthropic.ToolUseBlock;
import io.github.minimax4j.anthropic.UnknownBlock;
import io.github.minimax4j.anthropic.Usage;
import io.github.minimax4j.anthropic.VideoBlock;
import io.github.minimax4j.model.BaseResp;
import io.github.minimax4j.model.FileObject;
import io.github.minimax4j.model.FilePurpose;
import io.github.minimax4j.model.Model;
import io.github.minimax4j.model.ModelLimits;
import io.github.minimax4j.model.Thinking;
import io.github.minimax4j.model.ThinkingMode;
import io.github.minimax4j.observation.TokenUsage;
import io.github.minimax4j.openai.ChatChoice;
import io.github.minimax4j.openai.ChatCompletion;
import io.github.minimax4j.openai.ChatCompletionChunk;
import io.github.minimax4j.openai.ChatCompletionRequest;
import io.github.minimax4j.openai.ChatContent;
import io.github.minimax4j.openai.ChatMessage;
import io.github.minimax4j.openai.ChatTool;
import io.github.minimax4j.openai.ChatUsage;
import io.github.minimax4j.openai.ContentPart;
import io.github.minimax4j.openai.ToolCall;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What a native image (or the JVM in AOT mode) needs to read and write MiniMax's JSON: every wire type, with the
 * reflection Jackson's binding needs, and, for records, the canonical constructor and members that
 * {@code WireDeserializers} looks up and unreflects. Registered in {@code META-INF/spring/aot.factories}, so
 * Spring's AOT processing applies it to any application that has the client on its classpath, Boot or not.
 */
public class MiniMaxRuntimeHints implements RuntimeHintsRegistrar {

    /** The JSON types; their nested and permitted subtypes are added with them. */
    static final List<Class<?>> WIRE_TYPES = List.of(
            // Messages API
            MessageRequest.class, MessageResponse.class, MessageStreamEvent.class, Message.class, ContentBlock.class,
            TextBlock.class, ThinkingBlock.class, ImageBlock.class, VideoBlock.class, ToolUseBlock.class,
            ToolResultBlock.class, UnknownBlock.class, ContentDelta.class, MediaSource.class, Metadata.class,
            Role.class, StopReason.class, SystemPrompt.class, Tool.class, ToolChoice.class, Usage.class,
            TokenCount.class, DefaultMessagesApi.CountTokensResponse.class,
            // Chat Completions API
            ChatCompletionRequest.class, ChatCompletion.class, ChatCompletionChunk.class, ChatChoice.class,
            ChatContent.class, ChatMessage.class, ChatTool.class, ChatUsage.class, ContentPart.class, ToolCall.class,
            io.github.minimax4j.openai.Role.class, io.github.minimax4j.anthropic.CacheControl.class,
            // Shared
            BaseResp.class, Model.class, ModelLimits.class, Thinking.class, ThinkingMode.class, TokenUsage.class,
            // Files API
            FileObject.class, FilePurpose.class, DefaultFilesApi.FileReply.class, DefaultFilesApi.FileList.class,
            DefaultFilesApi.DeleteReply.class);

    private final BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();

    /** The registrar, as Spring's AOT processing creates it from {@code aot.factories}. */
    public MiniMaxRuntimeHints() {
    }

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        for (Class<?> type : allWireTypes()) {
            this.bindings.registerReflectionHints(hints.reflection(), type);
            hints.reflection().registerType(type, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
                    MemberCategory.INVOKE_DECLARED_METHODS, MemberCategory.ACCESS_DECLARED_FIELDS);
        }
    }

    /** {@link #WIRE_TYPES} with every type nested in them or permitted to extend them. */
    static Set<Class<?>> allWireTypes() {
        Set<Class<?>> all = new LinkedHashSet<>();
        Deque<Class<?>> pending = new ArrayDeque<>(WIRE_TYPES);
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            if (all.add(type)) {
                pending.addAll(Arrays.asList(type.getDeclaredClasses()));
                if (type.isSealed()) {
                    pending.addAll(Arrays.asList(type.getPermittedSubclasses()));
                }
            }
        }
        return all;
    }
}
