package dev.regtrain.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The contract every answer to hostile input is held to: never a 5xx; every 4xx an RFC 9457 problem (type, title,
 * the right status) that shows no stack trace, class name, path or HTML; every 2xx JSON of the API parseable, with
 * numbers where numbers are promised ("never 'NaN'").
 */
final class AnswerChecks {

    /** What an answer must never show. */
    static final List<String> LEAKS = List.of("Exception", "java.", "jakarta.", "dev.regtrain", "tools.jackson",
            "com.fasterxml", "org.springframework", "org.apache", "at dev.", "\tat ", "/work/", "/tmp/", "<html",
            "<!doctype");

    /** Fields the contract promises are numbers (or null), in predictions, models, metrics and jobs. */
    private static final Set<String> NUMERIC = Set.of("probabilities", "value", "std", "mean", "weights", "bias",
            "trainLoss", "trainDataLoss", "valLoss", "trainAccuracy", "valAccuracy", "trainRmse", "valRmse",
            "weightNorm", "gradientNorm", "monitorValue", "fraction", "etaSeconds");

    private final List<String> forbidden;

    /** @param dataDir the service's data directory, which must not show either */
    AnswerChecks(String dataDir) {
        List<String> all = new ArrayList<>(LEAKS);
        all.add(dataDir);
        this.forbidden = List.copyOf(all);
    }

    /** The first text in {@code body} that must never be shown, or null. */
    String leakIn(String body) {
        for (String leak : forbidden) {
            boolean markup = leak.startsWith("<");
            if (markup ? body.toLowerCase(Locale.ROOT).contains(leak) : body.contains(leak)) {
                return leak;
            }
        }
        return null;
    }

    /** What is wrong with the answer to the probe, or null. */
    String problemWith(Probe probe, ProbeClient.Answer answer) {
        int status = answer.status();
        if (status >= 500) {
            return "a " + status + " answer";
        }
        String type = answer.contentType().toLowerCase(Locale.ROOT);
        boolean head = probe.method().equals("HEAD");
        if (status < 300 && type.startsWith("application/json") && !head && probe.path().startsWith("/api/")) {
            String wrong = wrongNumbers(answer.body());
            return wrong == null ? null : "a " + status + " answer " + wrong;
        }
        if (status < 400) {
            return null;
        }
        if (!type.startsWith("application/problem+json")) {
            return "a " + status + " answer that is not application/problem+json";
        }
        String leak = leakIn(answer.body());
        if (leak != null) {
            return "a " + status + " answer that shows '" + leak + "'";
        }
        return head ? null : badProblem(status, answer.body());
    }

    private static String badProblem(int status, String body) {
        JsonNode problem;
        try {
            problem = ServiceTest.JSON.readTree(body);
        } catch (RuntimeException e) {
            return "a " + status + " answer whose problem body does not parse";
        }
        if (!problem.path("type").isString() || !problem.path("title").isString()
                || problem.path("status").asInt() != status) {
            return "a " + status + " problem without type, title or the right status";
        }
        return null;
    }

    /** Why a JSON body breaks the contract (it does not parse, or a numeric field holds something else), or null. */
    private static String wrongNumbers(String body) {
        JsonNode tree;
        try {
            tree = ServiceTest.JSON.readTree(body);
        } catch (RuntimeException e) {
            return "whose JSON body does not parse";
        }
        List<JsonNode> pending = new ArrayList<>(List.of(tree));
        while (!pending.isEmpty()) {
            JsonNode node = pending.remove(pending.size() - 1);
            for (var field : node.properties()) {
                if (NUMERIC.contains(field.getKey()) && hasNonNumber(field.getValue())) {
                    return "with '" + field.getKey() + "' not a number: " + field.getValue();
                }
            }
            node.forEach(pending::add);
        }
        return null;
    }

    private static boolean hasNonNumber(JsonNode value) {
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (hasNonNumber(element)) {
                    return true;
                }
            }
            return false;
        }
        return !value.isNumber() && !value.isNull();
    }
}
