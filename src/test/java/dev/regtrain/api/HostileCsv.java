package dev.regtrain.api;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Malformed CSV uploads and odd query parameters for {@link HostileInputFuzzTests}: a valid table mutated line by
 * line and byte by byte, bodies that are not CSV at all, and parameters that name nothing or ask for the impossible.
 */
final class HostileCsv {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Invalid or suspicious UTF-8: overlong '.', a lone continuation byte, an encoded surrogate, beyond U+10FFFF. */
    static final List<byte[]> BAD_UTF8 = List.of(new byte[] {(byte) 0xC0, (byte) 0xAE}, new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80,
                    (byte) 0x80}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {0});

    private static final List<String> CELLS = List.of("", " ", "NaN", "-NaN", "Infinity", "-Infinity", "inf", "1e400",
            "-1e400", "1e-400", "0x10", "1d", "1_0", "١٢", "１２", "1,5", "\"1\"", "\"", "\"\"\"", "\"a\"b", "a\"b",
            "\"x\ny\"", "😀", "\u202E", "\u200B", "\u0000", "\t", "\r", "9".repeat(400), "-0", ".5", "5.", "+", "e3",
            "true", "null", "label", "setosa");

    private final Random random;
    private final HostileJson json;

    HostileCsv(Random random, HostileJson json) {
        this.random = random;
        this.json = json;
    }

    /** A valid table: two numeric features and a string label, three classes. */
    static String valid(int rowsPerClass) {
        return DatasetEndpointsTests.flowers(rowsPerClass);
    }

    /** A hostile body: the valid table mutated, or something that is no table at all. */
    byte[] body() {
        return switch (random.nextInt(12)) {
            case 0 -> bytes(json.pick(List.of("", "\n", "\n\n\n", "\r\n\r\n", "\r", ",", ",,,\n,,,", "a,b,label\n",
                    "a,b,label", "label\n1\n2\n", "a,a,label\n1,2,x\n3,4,y\n", "a,,label\n1,2,x\n3,4,y\n",
                    "a,b,label\n1,2,x\n", "a,b,label\n1,2,x\n1,2,x\n", "\"a,b,label\n1,2,x\n3,4,y\n",
                    "a,b,label\n\n1,2,x\n3,4,y\n", "\n\na,b,label\n1,2,x\n3,4,y\n", "a;b;label\n1;2;x\n3;4;y\n",
                    "a\tb\tlabel\n1\t2\tx\n3\t4\ty\n")));
            case 1 -> randomBytes(random.nextInt(3000));
            case 2 -> concat(BOM, BOM, bytes(valid(3)));
            case 3 -> valid(3).getBytes(StandardCharsets.UTF_16);
            case 4 -> bytes(wide(json.pick(List.of(2, 3, 10_001, 12_000))));
            case 5 -> bytes("a,b,label\n1,2," + "x".repeat(json.pick(List.of(1000, 1_000_001))) + "\n3,4,y\n");
            case 6 -> bytes(json.mutate(json.randomValue(3), 1));
            default -> mutate(valid(1 + random.nextInt(4)));
        };
    }

    /** One to three changes to a table: a cell, a line, a line ending, a quote, a byte. */
    private byte[] mutate(String table) {
        List<String> lines = new ArrayList<>(List.of(table.split("\n", -1)));
        for (int step = 1 + random.nextInt(3); step > 0; step--) {
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            switch (random.nextInt(9)) {
                case 0, 1 -> {
                    String[] cells = line.split(",", -1);
                    cells[random.nextInt(cells.length)] = json.pick(CELLS);
                    lines.set(at, String.join(",", cells));
                }
                case 2 -> lines.set(at, line + "," + json.pick(CELLS));
                case 3 -> lines.set(at, line.contains(",") ? line.substring(0, line.lastIndexOf(',')) : "");
                case 4 -> lines.set(at, line + json.pick(List.of("\r", "\r\r", "\u2028", "\u0085")));
                case 5 -> lines.add(at, json.pick(List.of("", ",", " ", "\"", "#comment", "a,b,label")));
                case 6 -> lines.remove(at);
                case 7 -> lines.set(at, new StringBuilder(line).insert(random.nextInt(line.length() + 1), '"')
                        .toString());
                default -> lines.set(at, line.repeat(2));
            }
            if (lines.isEmpty()) {
                lines.add("");
            }
        }
        byte[] body = bytes(String.join(random.nextInt(4) == 0 ? "\r\n" : "\n", lines));
        if (random.nextInt(4) == 0 && body.length > 0) {
            int at = random.nextInt(body.length);
            body = concat(java.util.Arrays.copyOf(body, at), json.pick(BAD_UTF8),
                    java.util.Arrays.copyOfRange(body, at, body.length));
        }
        return body;
    }

    /** A table with {@code columns} columns (the last the label) and two rows. */
    private static String wide(int columns) {
        StringBuilder csv = new StringBuilder();
        for (int row = 0; row < 3; row++) {
            for (int j = 0; j < columns; j++) {
                csv.append(j == 0 ? "" : ",").append(row == 0 ? "c" + j : j == columns - 1 ? "k" + row : "0.5");
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /** The query string for an upload (empty or starting with '?'), each parameter absent, plain or odd. */
    String query() {
        List<String> parameters = new ArrayList<>();
        maybe(parameters, "name", List.of("", " ", "flowers", "y".repeat(201), "n".repeat(4000), "😀", "\u202Eevil",
                "a\u0000b", "..", "../..", "%", "&", "="));
        maybe(parameters, "label", List.of("", " ", "species", " species ", "SPECIES", "petal_length", "nothing",
                "label", "😀", "\u0000", "x".repeat(3000)));
        maybe(parameters, "task", List.of("", "auto", "classification", "regression", "foo", "AUTO", "auto ",
                "null", "\u0000"));
        maybe(parameters, "imageShape", List.of("", "0x0", "99999x99999", "-1x5", "2x1", "1x2", "1x2x1",
                "4096x4096x4096", "9999999999x1", "x", "2x", "2x1x1x1", "２x１", "2X1", " 2x1 ", "1e3x1"));
        if (random.nextInt(10) == 0) {
            parameters.add(json.pick(List.of("name=a", "task", "unknown=1", "name=a&name=b", "=", "&&")));
        }
        return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
    }

    private void maybe(List<String> parameters, String name, List<String> values) {
        if (random.nextInt(3) == 0) {
            parameters.add(name + "=" + URLEncoder.encode(json.pick(values), StandardCharsets.UTF_8));
        }
    }

    byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
