package dev.regtrain.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON document as plain maps and lists that {@link HostileJson} can break: every place that holds a value
 * is a {@link Slot}, a {@link HostileJson.Raw} value or a {@link #rawKey raw key} is written verbatim, so the result
 * may be anything from valid JSON to garbage.
 */
final class JsonTree {

    private static final String RAW_KEY = "\u0001raw\u0001";
    private static int rawKeys;

    private JsonTree() {
    }

    /** A place in the tree: a key of an object or an index of an array. */
    record Slot(Object container, Object key) {

        Object get() {
            return container instanceof Map<?, ?> map ? map.get(key) : ((List<?>) container).get((Integer) key);
        }

        @SuppressWarnings("unchecked")
        void set(Object value) {
            if (container instanceof Map<?, ?> map) {
                ((Map<Object, Object>) map).put(key, value);
            } else {
                ((List<Object>) container).set((Integer) key, value);
            }
        }

        /** An object or a list: where a null or a wrong shape hurts most. */
        boolean structural() {
            Object value = get();
            return value instanceof Map<?, ?> || value instanceof List<?>;
        }

        /** An object or a list inside a list, such as a hidden layer or a row of weights. */
        boolean element() {
            return container instanceof List<?> && structural();
        }

        void remove() {
            if (container instanceof Map<?, ?> map) {
                map.remove(key);
            } else {
                ((List<?>) container).remove((int) (Integer) key);
            }
        }
    }

    /** Every slot below {@code holder}, a one-element list around the document (so the root is a slot too). */
    static List<Slot> slots(Object holder) {
        List<Slot> slots = new ArrayList<>();
        collect(holder, slots);
        return slots;
    }

    private static void collect(Object node, List<Slot> slots) {
        if (node instanceof Map<?, ?> map) {
            for (Object key : new ArrayList<>(map.keySet())) {
                slots.add(new Slot(map, key));
                collect(map.get(key), slots);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                slots.add(new Slot(list, i));
                collect(list.get(i), slots);
            }
        }
    }

    /** The object a slot's value is, or else the object that holds the slot; null when neither is an object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> objectAround(Slot slot) {
        if (slot.get() instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        return slot.container() instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    /** A key that is written as the given raw text (quotes included), distinct from every other key in its map. */
    static synchronized String rawKey(String text) {
        return RAW_KEY + (rawKeys++) + RAW_KEY + text;
    }

    /** A key as it is written, quotes included. */
    static String keyText(String key) {
        return key.startsWith(RAW_KEY) ? key.substring(key.indexOf(RAW_KEY, 1) + RAW_KEY.length()) : quote(key);
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value instanceof HostileJson.Raw raw) {
            out.append(raw.text());
        } else if (value instanceof String text) {
            out.append(quote(text));
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(first ? "" : ",");
                out.append(keyText(entry.getKey().toString()));
                out.append(':');
                write(entry.getValue(), out);
                first = false;
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            out.append(value);
        }
    }

    /** A JSON string literal; control characters and lone surrogates are escaped, everything else is kept. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pairStart = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean pairEnd = Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || (Character.isSurrogate(c) && !pairStart && !pairEnd)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
