package io.github.minimax4j.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A MiniMax model id. Open: any id is accepted, so a model released after this client still works; the
 * constants carry the limits from MiniMax's reference, which the client checks before sending.
 *
 * @param value model id as sent on the wire
 */
public record Model(@JsonValue String value) {

    /**
     * MiniMax-M3: multimodal (image and video input).
     */
    public static final Model MINIMAX_M3 = new Model("MiniMax-M3");

    /**
     * MiniMax-M2.7.
     */
    public static final Model MINIMAX_M2_7 = new Model("MiniMax-M2.7");

    /**
     * MiniMax-M2.7-highspeed.
     */
    public static final Model MINIMAX_M2_7_HIGHSPEED = new Model("MiniMax-M2.7-highspeed");

    /**
     * MiniMax-M2.5.
     */
    public static final Model MINIMAX_M2_5 = new Model("MiniMax-M2.5");

    /**
     * MiniMax-M2.5-highspeed.
     */
    public static final Model MINIMAX_M2_5_HIGHSPEED = new Model("MiniMax-M2.5-highspeed");

    /**
     * MiniMax-M2.1.
     */
    public static final Model MINIMAX_M2_1 = new Model("MiniMax-M2.1");

    /**
     * MiniMax-M2.1-highspeed.
     */
    public static final Model MINIMAX_M2_1_HIGHSPEED = new Model("MiniMax-M2.1-highspeed");

    /**
     * MiniMax-M2.
     */
    public static final Model MINIMAX_M2 = new Model("MiniMax-M2");

    private static final List<ModelLimits> CATALOG = List.of(
            new ModelLimits(MINIMAX_M3, 1_000_000, 524_288, true),
            new ModelLimits(MINIMAX_M2_7, 204_800, 204_800, false),
            new ModelLimits(MINIMAX_M2_7_HIGHSPEED, 204_800, 204_800, false),
            new ModelLimits(MINIMAX_M2_5, 204_800, 204_800, false),
            new ModelLimits(MINIMAX_M2_5_HIGHSPEED, 204_800, 204_800, false),
            new ModelLimits(MINIMAX_M2_1, 204_800, 204_800, false),
            new ModelLimits(MINIMAX_M2_1_HIGHSPEED, 204_800, 204_800, false),
            new ModelLimits(MINIMAX_M2, 204_800, 204_800, false));

    private static final Map<String, ModelLimits> LIMITS = CATALOG.stream()
            .collect(Collectors.toUnmodifiableMap((limits) -> limits.model().value(), Function.identity()));

    /**
     * Checks and copies the components.
     * @param value see the type description
     */
    public Model {
        Objects.requireNonNull(value, "model id must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("model id must not be blank");
        }
    }

    /**
     * The model with this id: a constant for a known one, a new value otherwise.
     * @param value the model id
     * @return the model
     */
    @JsonCreator
    public static Model of(String value) {
        ModelLimits known = LIMITS.get(value);
        return (known != null) ? known.model() : new Model(value);
    }

    /**
     * Every model in MiniMax's reference, newest first.
     * @return the models
     */
    public static List<Model> known() {
        return CATALOG.stream().map(ModelLimits::model).toList();
    }

    /**
     * Limits from MiniMax's reference.
     * @return the limits, or empty for a model this client does not know
     */
    public Optional<ModelLimits> limits() {
        return Optional.ofNullable(LIMITS.get(this.value));
    }

    /**
     * Whether the model accepts image and video input. Unknown models are given the benefit of the doubt
     * (the server decides).
     * @return true if it does or may
     */
    public boolean multimodal() {
        return limits().map(ModelLimits::multimodal).orElse(true);
    }

    @Override
    public String toString() {
        return this.value;
    }
}
