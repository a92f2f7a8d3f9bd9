package dev.regtrain.data;

import static dev.regtrain.data.CsvFixtures.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way an upload can be malformed, each reported with its line and a message a person can act on. */
class CsvMalformedTests {

    private static void refused(String csv, CsvOptions options, long line, String message) {
        refused(csv.getBytes(StandardCharsets.UTF_8), options, line, message);
    }

    private static void refused(String csv, long line, String message) {
        refused(csv, options(), line, message);
    }

    private static void refused(byte[] body, CsvOptions options, long line, String message) {
        assertThatThrownBy(() -> CsvDatasetReader.read(new ByteArrayInputStream(body), options))
                .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.line()).isEqualTo(line))
                .hasMessage(message);
    }

    @Test
    void anEmptyBodyIsRefused() {
        refused("", 0, "the body is empty");
        refused("\uFEFF", 0, "the body is empty");
        refused("\n\r\n  \n", 0, "the body is empty");
    }

    @Test
    void anEmptyFirstLineIsNotAHeader() {
        refused("\na,y\n1,0\n2,1\n", 1, "line 1 is empty; the first line must be the header");
    }

    @Test
    void aFirstLineOfNumbersIsAMissingHeaderNotAHeader() {
        refused("1.5,2,0\n3,4,1\n5,6,0\n", 1, "the first line holds only numbers; a CSV upload starts with "
                + "a header row that names its columns (for example x1,x2,label)");
        refused("-1e3, 2 ,7\n3,4,1\n", 1, "the first line holds only numbers; a CSV upload starts with a "
                + "header row that names its columns (for example x1,x2,label)");
    }

    @Test
    void atLeastTwoDataRowsAreNeeded() {
        refused("a,y\n", 2, "the CSV has a header but no data rows; a dataset needs at least 2");
        refused("a,y\n\n\n", 2, "the CSV has a header but no data rows; a dataset needs at least 2");
        refused("a,y\n1,0\n", 3, "the CSV has only 1 data row; a dataset needs at least 2");
    }

    @Test
    void aRaggedRowIsReportedWithBothCounts() {
        String header = "a,b,c,d,y\n";
        String good = "1,2,3,4,0\n1,2,3,4,1\n1,2,3,4,0\n1,2,3,4,1\n1,2,3,4,0\n";

        refused(header + good + "1,2,3,0\n", 7, "line 7 has 4 fields; the header has 5");
        refused(header + "1,2,3,4,0,9\n" + good, 2, "line 2 has 6 fields; the header has 5");
        refused(header + "1,2,3,4,0\nabc\n" + good, 3, "line 3 has 1 field; the header has 5");
    }

    @Test
    void aRaggedRowIsReportedAsRaggedEvenWhenItsValuesAreAlsoWrong() {
        refused("a,b,y\n1,2,0\nx,1\n", 3, "line 3 has 2 fields; the header has 3");
    }

    @Test
    void aMissingLabelColumnIsReportedOnTheHeaderWithTheColumns() {
        refused("a,b,y\n1,2,0\n3,4,1\n", options("target", TaskChoice.AUTO, null), 1,
                "label column 'target' not found; the columns are 'a', 'b', 'y'");
    }

    @Test
    void headerNamesMustBePresentAndDistinct() {
        refused("a,,y\n1,2,0\n3,4,1\n", 1, "column 2 of the header has no name");
        refused("a,  ,y\n1,2,0\n3,4,1\n", 1, "column 2 of the header has no name");
        refused("a, a ,y\n1,2,0\n3,4,1\n", 1, "the header names column 'a' twice");
        refused("y\n1\n2\n", 1, "the header has 1 column; a dataset needs at least 2 (one or more features and a label)");
    }

    @Test
    void anEmptyFeatureCellIsReported() {
        refused("a,b,y\n1,2,0\n1,,1\n", 3, "line 3: the value in column 'b' is empty");
        refused("a,b,y\n1,2,0\n1,  ,1\n", 3, "line 3: the value in column 'b' is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0x10", "1d", "1f", "1,5", "1_000", "--1", "1e", ".", "e5", "١"})
    void aFeatureThatIsNotANumberIsReportedWithLineColumnAndValue(String value) {
        refused("a,b,y\n1,2,0\n1,\"" + value + "\",1\n", 3,
                "line 3: the value '" + value + "' in column 'b' is not a number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "nan", "Infinity", "-Infinity", "+inf", "1e999", "-1e400"})
    void aFeatureThatIsNotFiniteIsReported(String value) {
        refused("a,b,y\n1,2,0\n3," + value + ",1\n", 3,
                "line 3: the value '" + value + "' in column 'b' is not a finite number");
    }

    @Test
    void anEmptyLabelIsReported() {
        refused("a,y\n1,0\n2,\n", 3, "line 3: the label in column 'y' is empty");
        refused("a,y\n1,0\n2, \n", 3, "line 3: the label in column 'y' is empty");
    }

    @Test
    void aRegressionNeedsNumericLabels() {
        refused("a,y\n1,0.5\n2,abc\n", options(null, TaskChoice.REGRESSION, null), 3,
                "line 3: the label 'abc' in column 'y' is not a number, and a regression needs numbers");
        refused("a,y\n1,0.5\n2,NaN\n", options(null, TaskChoice.REGRESSION, null), 3,
                "line 3: the label 'NaN' in column 'y' is not a finite number, and a regression needs numbers");
    }

    @Test
    void aClassificationNeedsTwoClasses() {
        refused("a,y\n1,cat\n2,cat\n", options(null, TaskChoice.CLASSIFICATION, null), 0,
                "the label column 'y' has only one class, 'cat'; a classification needs at least 2");
        refused("a,y\n1,1\n2,1\n", 0,
                "the label column 'y' has only one class, '1'; a classification needs at least 2");
    }

    @Test
    void anImageShapeMustMatchTheFeatureCount() {
        refused("a,b,c,d,y\n1,2,3,4,0\n1,2,3,4,1\n", options(null, TaskChoice.AUTO, ImageShape.parse("8x8")), 1,
                "imageShape 8x8 needs 64 features; the CSV has 4");
    }

    @Test
    void anEmptyLineBeforeMoreRowsIsReported() {
        refused("a,y\n1,0\n\n2,1\n", 3, "line 3 is empty; empty lines are allowed only at the end");
        refused("a,y\r\n1,0\r\n   \r\n\r\n2,1\r\n", 3, "line 3 is empty; empty lines are allowed only at the end");
    }

    @Test
    void lineNumbersCountPhysicalLinesAcrossQuotedLineBreaks() {
        refused("a,b,y\n1,2,\"two\nlines\"\n3,4,x\nz,4,x\n", 5, "line 5: the value 'z' in column 'a' is not a number");
        refused("a,b,y\r\n1,\"2\r\n3\",x\r\n3,4,z\r\n", 2, "line 2: the value '2??3' in column 'b' is not a number");
    }

    @Test
    void lineNumbersStayExactFarIntoALargeBody() {
        StringBuilder lf = new StringBuilder("a,b,y\n");
        StringBuilder crlf = new StringBuilder("a,b,y\r\n");
        for (int i = 0; i < 5_000; i++) {
            lf.append(i).append(",\"").append(i % 7).append("\",").append(i % 2).append('\n');
            crlf.append(i).append(',').append(i % 7).append(',').append(i % 2).append("\r\n");
        }

        CsvOptions roomy = new CsvOptions("upload", null, TaskChoice.AUTO, null, 10_000, 10, 1_000_000);

        refused(lf + "1,oops,0\n", roomy, 5_002, "line 5002: the value 'oops' in column 'b' is not a number");
        refused(crlf + "1,2\r\n", roomy, 5_002, "line 5002 has 2 fields; the header has 3");
    }

    @Test
    void anUnclosedQuoteInTheHeaderIsReportedOnLineOne() {
        refused("a,\"y\n1,0\n", 1, "line 1 has a quoted field that is never closed");
    }

    @Test
    void anUnclosedQuoteIsReportedWhereItsRowStarts() {
        refused("a,y\n1,0\n\"2,1\n3,0\n4,1\n", 3, "line 3 has a quoted field that is never closed");
    }

    @Test
    void textAfterAClosingQuoteIsReported() {
        refused("a,y\n1,0\n\"2\"x,1\n", 3, "line 3 has text after the closing quote of a field; quote the whole field");
    }

    @Test
    void invalidUtf8IsReported() {
        byte[] body = {'a', ',', 'y', '\n', '1', ',', (byte) 0xC3, (byte) 0x28, '\n', '2', ',', '1', '\n'};

        refused(body, options(), 0, "the body is not valid UTF-8");
    }

    @Test
    void aLoneSurrogateEncodedAsUtf8BytesIsReportedOnItsLine() {
        // ED A0 80 is U+D800, half of a surrogate pair, which UTF-8 may not encode: a class named by it could not be
        // written back as JSON
        byte[] body = {'a', ',', 'y', '\n', '1', ',', 'b', '\n', '2', ',', 'x', (byte) 0xED, (byte) 0xA0, (byte) 0x80,
            '\n', '3', ',', 'b', '\n'};

        refused(body, options(), 3, "line 3 is not valid UTF-8 (it encodes half of a surrogate pair)");
    }

    @Test
    void anAbsurdlyLongFieldIsReportedOnItsLine() {
        String huge = "9".repeat(CsvDatasetReader.MAX_FIELD_CHARS + 1);

        refused("a,y\n1,0\n" + huge + ",1\n", 3, "line 3 has a field longer than 1000000 characters");
    }

    @Test
    void messagesNameNoClassesOrPaths() {
        String[] bodies = {"", "a,y\n1,0\n\"2,1\n", "a,y\n\"1\"x,0\n", "a,y\n1,0\n2,x,3\n", "a,y\n1,NaN\n"};
        for (String body : bodies) {
            assertThatThrownBy(() -> CsvFixtures.read(body, TaskChoice.REGRESSION))
                    .isInstanceOf(CsvFormatException.class)
                    .message().doesNotContain("Exception", "jackson", "java.", "/", "Source");
        }
    }
}
