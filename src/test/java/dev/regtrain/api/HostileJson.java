package dev.regtrain.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.core.JacksonException;

/**
 * Hostile JSON for {@link HostileInputFuzzTests}: odd numbers and strings as raw JSON text (so that NaN, lone
 * surrogates and broken escapes can be written at all), random values, and mutations of a valid document, both of
 * its text and of its tree. Nothing generated contains a class name or a file-system path, so that the fuzz test can
 * tell an echo of its own input from a leak.
 */
final class HostileJson {

    /** A value written verbatim into the JSON text. */
    record Raw(String text) {
    }

    static final List<String> NUMBERS = List.of("1e308", "1e400", "-1e400", "1E-400", "4.9e-324",
            "1.7976931348623157e308", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
            "2147483648", "-2147483649", "-1", "0", "-0", "0.0", "1.5", "0.999999999999999999", "1" + "0".repeat(18),
            "123456789012345678901234567890", "9".repeat(999), "9".repeat(1001), "0." + "0".repeat(2000) + "1",
            "1e" + "9".repeat(30), "0x10", "01", ".5", "1.", "+1", "1e", "--1", "NaN", "-NaN", "Infinity",
            "-Infinity", "+Infinity", "inf", "1_000", "١٢");

    static final List<String> STRINGS = List.of("\"\"", "\" \"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\uD800\"",
            "\"\\uDC00x\"", "\"x\\uDBFF\"", "\"\\uD83D\\uDE00\"", "\"😀🧠\"", "\"\u202Egnp.exe\"",
            "\"\u200B\u200D\uFEFF\"", "\"\u0645\u0631\u062D\u0628\u0627\"", "\"e\u0301\u0301\u0301\"",
            "\"\uFFFF\uFFFE\"", "\"a\\\"b\"", "\"\\\\\"",
            "\"..\\/..\\/etc\\/passwd\"", "\"%s%n%x\"", "\"${jndi:ldap://x}\"", "\"<script>alert(1)</script>\"",
            "\"relu\\u0000\"", "\"RELU\"", "\" relu\"", "\"ab\ncd\"", "\"\\x41\"", "\"\\u12\"", "\"\\u12G4\"",
            "\"best\"", "\"latest\"", "\"-1\"", "\"moons\"", "\"auto\"", "\"adam\"", "\"val_loss\"", "\"proximal\"",
            "\"NaN\"", "\"Infinity\"", "\"1e400\"", "\"12\"", "\"true\"", "\"null\"", "\"x\"", "\"" + "y".repeat(201)
                    + "\"", "\"" + "z".repeat(100_000) + "\"", "\"unterminated", "'single'");

    static final List<String> SHAPES = List.of("true", "false", "null", "{}", "[]", "[null]", "[[]]", "{\"\":null}",
            "[1,2,3]", "[0.5]", "[\"a\"]", "{\"a\":{\"b\":{\"c\":[]}}}", "[{}]", "[1,", "{", "}", "]", ":", ",",
            "tru", "nul", "/* comment */ 1", "// x\n1", "1 2", "[1,]", "{\"a\":1,}", "{,}", "{\"a\"}", "{1:2}",
            "{'a':1}", "`x`", "undefined", "new Date()");

    static final List<String> KEYS = List.of("name", "seed", "dataset", "builtin", "id", "samples", "noise", "factor",
            "classes", "features", "spread", "validationSplit", "standardize", "network", "hidden", "units",
            "activation", "output", "init", "training", "epochs", "batchSize", "optimizer", "learningRate", "momentum",
            "beta1", "beta2", "epsilon", "shuffle", "regularization", "penalty", "l1", "l2", "regularizeBias",
            "l1Update", "weightDecay", "maxNorm", "layers", "dropout", "input", "earlyStopping", "monitor", "mode",
            "patience", "minDelta", "relativeDelta", "startFromEpoch", "baseline", "restoreBestWeights",
            "augmentation", "mixup", "checkpoints", "everyEpochs", "keepLast", "initialWeights", "job", "checkpoint",
            "model", "format", "jobId", "epoch", "task", "inputs", "standardization", "mean", "std", "weights", "bias",
            "mcDropoutSamples");

    static final List<String> ODD_KEYS = List.of("\"\"", "\"hiden\"", "\"Name\"", "\"__proto__\"", "\"constructor\"",
            "\"\\u0000\"", "\"😀\"", "\"\\uD800\"", "\"" + "k".repeat(1000) + "\"", "\"na\\u006de\"", "\"@type\"",
            "\"$ref\"", "\"a.b\"", "\"[0]\"", "\"validation_split\"");

    private final Random random;

    HostileJson(Random random) {
        this.random = random;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Brackets nested {@code depth} deep, balanced or not. */
    String nesting(int depth) {
        String open = random.nextBoolean() ? "[" : "{\"a\":[";
        String close = open.length() == 1 ? "]" : "]}";
        return open.repeat(depth) + (random.nextInt(4) == 0 ? "" : close.repeat(depth));
    }

    /** A value that is out of range, of the wrong type, broken or strange, as raw JSON text. */
    String hostileValue() {
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> pick(NUMBERS);
            case 3, 4, 5 -> pick(STRINGS);
            case 6, 7 -> pick(SHAPES);
            case 8 -> nesting(pick(List.of(3, 64, 499, 501, 1000, 5000)));
            default -> randomValue(3);
        };
    }

    /** A random (valid) JSON value of at most the given depth, with keys the API knows and keys it does not. */
    String randomValue(int depth) {
        int kind = depth <= 0 ? random.nextInt(4) : random.nextInt(6);
        return switch (kind) {
            case 0 -> random.nextBoolean() ? Integer.toString(random.nextInt(2001) - 1000)
                    : Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(20) - 10));
            case 1 -> pick(STRINGS.subList(0, 22));
            case 2 -> pick(List.of("true", "false", "null"));
            case 3 -> pick(NUMBERS.subList(0, 20));
            case 4 -> {
                StringBuilder array = new StringBuilder("[");
                for (int i = random.nextInt(5); i > 0; i--) {
                    array.append(randomValue(depth - 1)).append(i > 1 ? "," : "");
                }
                yield array.append(']').toString();
            }
            default -> {
                StringBuilder object = new StringBuilder("{");
                for (int i = random.nextInt(5); i > 0; i--) {
                    String key = random.nextInt(4) == 0 ? pick(ODD_KEYS) : "\"" + pick(KEYS) + "\"";
                    object.append(key).append(':').append(randomValue(depth - 1)).append(i > 1 ? "," : "");
                }
                yield object.append('}').toString();
            }
        };
    }

    /** {@code steps} mutations of {@code valid}, each of its tree while it still parses, else of its text. */
    String mutate(String valid, int steps) {
        String text = valid;
        for (int i = 0; i < steps; i++) {
            Object tree = parse(text);
            if (tree != null && random.nextInt(4) != 0) {
                List<Object> holder = new ArrayList<>(List.of(tree));
                mutateTree(holder);
                text = holder.isEmpty() ? "" : JsonTree.write(holder.get(0));
            } else {
                text = mutateText(text);
            }
        }
        return text;
    }

    private static Object parse(String text) {
        try {
            Object tree = ServiceTest.JSON.readValue(text, Object.class);
            return tree;
        } catch (JacksonException | IllegalArgumentException e) {
            return null;
        }
    }

    private String mutateText(String text) {
        if (text.isEmpty()) {
            return hostileValue();
        }
        int at = random.nextInt(text.length());
        int end = Math.min(text.length(), at + 1 + random.nextInt(8));
        return switch (random.nextInt(7)) {
            case 0 -> text.substring(0, at) + text.substring(end);
            case 1 -> text.substring(0, at) + pick(List.of("{", "}", "[", "]", "\"", ",", ":", "\\", "0", "-", "e",
                    ".", " ", "\u0000", "\uD800", "😀", "\u202E", "n", "\t")) + text.substring(at);
            case 2 -> {
                char[] chars = text.toCharArray();
                int other = random.nextInt(chars.length);
                char swap = chars[at];
                chars[at] = chars[other];
                chars[other] = swap;
                yield new String(chars);
            }
            case 3 -> text.substring(0, at);
            case 4 -> text.substring(0, end) + text.substring(at);
            case 5 -> replaceNumber(text);
            default -> text.substring(0, at) + hostileValue() + text.substring(at);
        };
    }

    private String replaceNumber(String text) {
        var numbers = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?").matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (numbers.find()) {
            spans.add(new int[] {numbers.start(), numbers.end()});
        }
        if (spans.isEmpty()) {
            return text + pick(NUMBERS);
        }
        int[] span = pick(spans);
        return text.substring(0, span[0]) + pick(NUMBERS) + text.substring(span[1]);
    }

    /**
     * One change somewhere in the tree below {@code holder} (a one-element list around the document): a value
     * replaced, wrapped or emptied, a field added, removed or duplicated.
     */
    private void mutateTree(List<Object> holder) {
        List<JsonTree.Slot> slots = JsonTree.slots(holder);
        List<JsonTree.Slot> structural = slots.stream().filter(JsonTree.Slot::structural).toList();
        List<JsonTree.Slot> elements = slots.stream().filter(JsonTree.Slot::element).toList();
        int where = random.nextInt(3);
        JsonTree.Slot slot = pick(where == 2 && !elements.isEmpty() ? elements
                : where == 1 && !structural.isEmpty() ? structural : slots);
        Object value = slot.get();
        switch (random.nextInt(9)) {
            case 0, 1, 2 -> slot.set(new Raw(hostileValue()));
            case 8 -> slot.set(new Raw("null"));
            case 3 -> slot.set(random.nextBoolean() ? new ArrayList<>(List.of(new Raw(JsonTree.write(value))))
                    : new LinkedHashMap<>(Map.of(pick(KEYS), new Raw(JsonTree.write(value)))));
            case 4 -> slot.set(value instanceof Map<?, ?> ? new LinkedHashMap<>() : new ArrayList<>());
            case 5 -> {
                Map<String, Object> object = JsonTree.objectAround(slot);
                if (object != null) {
                    String key = random.nextBoolean() ? "\"" + pick(KEYS) + "\"" : pick(ODD_KEYS);
                    object.put(JsonTree.rawKey(key), new Raw(hostileValue()));
                }
            }
            case 6 -> slot.remove();
            default -> {
                Map<String, Object> object = JsonTree.objectAround(slot);
                if (object != null && !object.isEmpty()) {
                    String existing = pick(new ArrayList<>(object.keySet()));
                    object.put(JsonTree.rawKey(JsonTree.keyText(existing)), new Raw(hostileValue()));
                }
            }
        }
    }
}
