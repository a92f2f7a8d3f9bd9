package dev.regtrain.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageShapeTests {

    @Test
    void twoDimensionsMeanOneChannel() {
        ImageShape shape = ImageShape.parse("28x28");

        assertThat(shape).isEqualTo(new ImageShape(28, 28, 1));
        assertThat(shape.features()).isEqualTo(784);
        assertThat(shape).hasToString("28x28");
    }

    @Test
    void threeDimensionsGiveTheChannels() {
        ImageShape shape = ImageShape.parse("32x32x3");

        assertThat(shape).isEqualTo(new ImageShape(32, 32, 3));
        assertThat(shape.features()).isEqualTo(3072);
        assertThat(shape).hasToString("32x32x3");
    }

    @Test
    void heightComesBeforeWidth() {
        assertThat(ImageShape.parse("2x5")).isEqualTo(new ImageShape(2, 5, 1));
    }

    @Test
    void theTextFormReadsBackToTheSameShape() {
        for (String text : new String[] {"8x8", "1x4096", "4096x1", "32x32x3", "7x5x2"}) {
            assertThat(ImageShape.parse(text)).hasToString(text);
            assertThat(ImageShape.parse(ImageShape.parse(text).toString())).isEqualTo(ImageShape.parse(text));
        }
        assertThat(ImageShape.parse("8x8x1")).hasToString("8x8");
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertThat(ImageShape.parse(" 8x8 ")).isEqualTo(new ImageShape(8, 8, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "8", "8x", "x8", "8x8x", "8X8", "8 x 8", "a x b", "-1x8", "1x2x3x4", "8x8.0",
        "9999999999x1"})
    void malformedTextIsRefusedWithTheExpectedForm(String text) {
        assertThatThrownBy(() -> ImageShape.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("28x28").hasMessageContaining("32x32x3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x8", "8x0", "4097x1", "1x4097", "8x8x0", "8x8x4097"})
    void dimensionsOutsideOneTo4096AreRefused(String text) {
        assertThatThrownBy(() -> ImageShape.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 4096");
    }

    @Test
    void aMissingShapeIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> ImageShape.parse(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("28x28");
    }

    @Test
    void aShapeWithMorePixelsThanAnIntCanCountIsRefused() {
        assertThatThrownBy(() -> new ImageShape(4096, 4096, 4096)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more pixels");
        assertThat(new ImageShape(4096, 4096, 127).features()).isEqualTo(4096 * 4096 * 127);
    }
}
