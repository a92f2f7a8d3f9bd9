package dev.regtrain.api;

import dev.regtrain.common.FieldError;
import java.util.Collection;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns Jackson's reading errors into field errors that name the JSON path and say what was expected, in words
 * rather than Java types (Jackson's own messages name classes, which a client must never see).
 */
final class JsonErrors {

    private JsonErrors() {
    }

    /** A field error for a value of the wrong shape or an unknown field; null for broken JSON. */
    static FieldError fieldError(JacksonException e) {
        String path = path(e);
        path = path.isEmpty() ? "body" : path;
        if (e instanceof InputCoercionException) {
            return new FieldError(path, "is out of range for its type");
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(path, "is not a known field" + suggestion(unknown.getPropertyName(),
                    unknown.getKnownPropertyIds()) + known(unknown.getKnownPropertyIds()));
        }
        if (e instanceof MismatchedInputException mismatch) {
            return new FieldError(path, expected(mismatch.getTargetType()));
        }
        if (e instanceof StreamReadException read) {
            if (isDuplicate(read.getOriginalMessage()) && read.processor() != null) {
                return new FieldError(dotted(read.processor().streamReadContext().pathAsPointer().toString()),
                        "is given more than once; give each field once");
            }
            return null;
        }
        return new FieldError(path, "has a value of the wrong type");
    }

    /** Whether a parser refused a property given twice ({@code Duplicate Object property "seed"}). */
    private static boolean isDuplicate(String message) {
        return message != null && message.startsWith("Duplicate Object property");
    }

    /** A JSON pointer ({@code /hidden/1/units}) as the API names fields ({@code hidden[1].units}). */
    static String dotted(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String step : pointer.substring(1).split("/")) {
            if (step.chars().allMatch(Character::isDigit) && !step.isEmpty()) {
                path.append('[').append(step).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(step.replace("~1", "/").replace("~0", "~"));
            }
        }
        return path.toString();
    }

    /** Where broken JSON broke, for the problem's detail. */
    static String location(JacksonException e) {
        var location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return "the body is not valid JSON";
        }
        return "the body is not valid JSON (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** "; did you mean 'training'?" when a known field is within two edits of the unknown one. */
    static String suggestion(String unknown, Collection<Object> ids) {
        if (unknown == null || ids == null) {
            return "";
        }
        String best = null;
        int bestDistance = 3;
        for (Object id : ids) {
            int distance = distance(unknown.toLowerCase(java.util.Locale.ROOT),
                    String.valueOf(id).toLowerCase(java.util.Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = String.valueOf(id);
            }
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String known(Collection<Object> ids) {
        if (ids == null || ids.isEmpty() || ids.size() > 20) {
            return "";
        }
        return "; known fields: " + String.join(", ", ids.stream().map(String::valueOf).sorted().toList());
    }

    private static final Map<Class<?>, String> NAMES = Map.ofEntries(
            Map.entry(Integer.class, "a whole number"), Map.entry(int.class, "a whole number"),
            Map.entry(Long.class, "a whole number"), Map.entry(long.class, "a whole number"),
            Map.entry(Double.class, "a number"), Map.entry(double.class, "a number"),
            Map.entry(Boolean.class, "true or false"), Map.entry(boolean.class, "true or false"),
            Map.entry(String.class, "a string"), Map.entry(double[].class, "a list of numbers"),
            Map.entry(double[][].class, "a list of lists of numbers"));

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has a value of the wrong type";
        }
        String name = NAMES.get(type);
        if (name != null) {
            return "must be " + name;
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        return "must be an object";
    }
}
