package dev.regtrain.data;

import static dev.regtrain.data.CsvFixtures.options;
import static dev.regtrain.data.CsvFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CsvDatasetReaderTests {

    @Test
    void aSmallFileBecomesADatasetWithNumericClassesInNumericOrder() {
        Dataset d = read("x1,x2,label\n1,2,10\n3.5,-4,9\n5e-1,6,2\n7,.25,10\n");

        assertThat(d.name()).isEqualTo("upload");
        assertThat(d.rows()).isEqualTo(4);
        assertThat(d.inputs()).isEqualTo(2);
        assertThat(d.featureNames()).containsExactly("x1", "x2");
        assertThat(d.features()).containsExactly(1, 2, 3.5, -4, 0.5, 6, 7, 0.25);
        assertThat(d.task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(d.classes()).containsExactly("2", "9", "10");
        assertThat(d.labels()).containsExactly(2, 1, 0, 2);
        assertThat(d.targets()).isNull();
        assertThat(d.imageShape()).isNull();
    }

    @Test
    void stringLabelsAreKeptAsWrittenAndSortedAsStrings() {
        Dataset d = read("a,species\n1,setosa\n2, versicolor \n3,Virginica\n4,setosa\n");

        assertThat(d.task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(d.classes()).containsExactly("Virginica", "setosa", "versicolor");
        assertThat(d.labels()).containsExactly(1, 2, 0, 1);
    }

    @Test
    void labelsOutsideTheBasicPlaneAreKept() {
        Dataset d = read("a,flower\n1,\uD83C\uDF38\n2,\uD83C\uDF3B\n3,\uD83C\uDF38\n");

        assertThat(d.classes()).containsExactly("\uD83C\uDF38", "\uD83C\uDF3B");
        assertThat(CsvDatasetReader.hasLoneSurrogate("x\uD83C\uDF38y")).isFalse();
        assertThat(CsvDatasetReader.hasLoneSurrogate("x\uDF38")).isTrue();
        assertThat(CsvDatasetReader.hasLoneSurrogate("x\uD83C")).isTrue();
    }

    @Test
    void oneNonNumericLabelMakesTheClassesStringOrdered() {
        Dataset d = read("a,y\n1,10\n2,9\n3,x\n");

        assertThat(d.task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(d.classes()).containsExactly("10", "9", "x");
    }

    @Test
    void theLabelColumnCanBeNamedAndSitAnywhere() {
        Dataset d = read("a, label ,b\n1,yes,2\n3,no,4\n", options("label", TaskChoice.AUTO, null));

        assertThat(d.featureNames()).containsExactly("a", "b");
        assertThat(d.features()).containsExactly(1, 2, 3, 4);
        assertThat(d.classes()).containsExactly("no", "yes");
        assertThat(d.labels()).containsExactly(1, 0);
    }

    @Test
    void autoChoosesRegressionForFractionalLabels() {
        Dataset d = read("a,y\n1,0.5\n2,1.25\n3,-2\n");

        assertThat(d.task()).isEqualTo(Task.REGRESSION);
        assertThat(d.targets()).containsExactly(0.5, 1.25, -2);
        assertThat(d.classes()).isNull();
        assertThat(d.labels()).isNull();
    }

    @Test
    void autoChoosesClassificationForUpToTwentyDistinctIntegersAndRegressionBeyond() {
        StringBuilder twenty = new StringBuilder("a,y\n");
        for (int i = 0; i < 20; i++) {
            twenty.append(i).append(',').append(i * 3).append('\n');
        }
        String twentyOne = twenty + "20,60\n";

        assertThat(read(twenty.toString()).task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(read(twenty.toString()).classCount()).isEqualTo(20);
        assertThat(read(twentyOne).task()).isEqualTo(Task.REGRESSION);
        assertThat(read(twentyOne).targets()[20]).isEqualTo(60.0);
    }

    @Test
    void wholeNumbersWrittenWithADecimalPointCountAsIntegers() {
        Dataset d = read("a,y\n1,1.0\n2,0.0\n3,1.0\n");

        assertThat(d.task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(d.classes()).containsExactly("0.0", "1.0");
    }

    @Test
    void anExplicitTaskOverridesTheGuess() {
        Dataset classes = read("a,y\n1,0.5\n2,1.5\n3,-1\n", TaskChoice.CLASSIFICATION);
        Dataset values = read("a,y\n1,0\n2,1\n3,1\n", TaskChoice.REGRESSION);

        assertThat(classes.task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(classes.classes()).containsExactly("-1", "0.5", "1.5");
        assertThat(classes.labels()).containsExactly(1, 2, 0);
        assertThat(values.task()).isEqualTo(Task.REGRESSION);
        assertThat(values.targets()).containsExactly(0, 1, 1);
    }

    @Test
    void aByteOrderMarkAndCrlfLineEndsAreUnderstood() {
        Dataset d = read("\uFEFFa,b,y\r\n1,2,0\r\n3,4,1\r\n");

        assertThat(d.featureNames()).containsExactly("a", "b");
        assertThat(d.features()).containsExactly(1, 2, 3, 4);
        assertThat(d.classes()).containsExactly("0", "1");
    }

    @Test
    void quotedFieldsMayHoldSeparatorsQuotesAndSpaces() {
        Dataset d = read("\"a,1\",b,y\n\"1\",\" 2 \",\"x\"\"y\"\n3,4,z\n");

        assertThat(d.featureNames()).containsExactly("a,1", "b");
        assertThat(d.features()).containsExactly(1, 2, 3, 4);
        assertThat(d.classes()).containsExactly("x\"y", "z");
    }

    @Test
    void whitespaceAroundValuesIsTrimmed() {
        Dataset d = read(" a ,\tb,y\n 1 ,\t2\t, 0 \n3,4,1");

        assertThat(d.featureNames()).containsExactly("a", "b");
        assertThat(d.features()).containsExactly(1, 2, 3, 4);
        assertThat(d.classes()).containsExactly("0", "1");
    }

    @Test
    void trailingEmptyLinesAreIgnored() {
        assertThat(read("a,y\n1,0\n2,1\n\n").rows()).isEqualTo(2);
        assertThat(read("a,y\r\n1,0\r\n2,1\r\n\r\n  \r\n").rows()).isEqualTo(2);
        assertThat(read("a,y\n1,0\n2,1").rows()).isEqualTo(2);
    }

    @Test
    void aMatchingImageShapeIsKept() {
        Dataset d = read("p1,p2,p3,p4,y\n0,1,1,0,a\n1,0,0,1,b\n", options(null, TaskChoice.AUTO, ImageShape.parse("2x2")));

        assertThat(d.imageShape()).isEqualTo(new ImageShape(2, 2, 1));
        assertThat(d.inputs()).isEqualTo(4);
    }

    @Test
    void theBodyIsLeftOpenForItsOwner() {
        AtomicBoolean closed = new AtomicBoolean();
        ByteArrayInputStream body = new ByteArrayInputStream("a,y\n1,0\n2,1\n".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed.set(true);
            }
        };

        CsvDatasetReader.read(body, options());

        assertThat(closed).isFalse();
    }

    @Test
    void aBodyThatCannotBeReadIsAnInputFailureNotAFormatError() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };

        assertThatThrownBy(() -> CsvDatasetReader.read(broken, options())).isInstanceOf(UncheckedIOException.class)
                .hasRootCauseMessage("connection reset");
    }

    @Test
    void optionsRefuseLimitsThatNoDatasetCouldMeet() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CsvOptions("n", null, TaskChoice.AUTO, null, 1, 10, 10));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CsvOptions("n", null, TaskChoice.AUTO, null, 10, 1, 10));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CsvOptions(" ", null, TaskChoice.AUTO, null, 10, 10, 10));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CsvOptions("n", null, null, null, 10, 10, 10));
    }
}
