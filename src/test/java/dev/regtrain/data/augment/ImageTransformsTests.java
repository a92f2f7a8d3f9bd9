package dev.regtrain.data.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.regtrain.data.ImageShape;
import org.junit.jupiter.api.Test;

class ImageTransformsTests {

    /** A 3×4 grey image whose pixel (y, x) is 10·y + x. */
    private static final ImageShape SHAPE = new ImageShape(3, 4, 1);
    private static final double[] IMAGE = {0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23};

    @Test
    void aHorizontalFlipMirrorsEachRowExactly() {
        double[] out = new double[12];
        ImageTransforms.flipHorizontal(IMAGE, out, SHAPE);

        assertThat(out).containsExactly(3, 2, 1, 0, 13, 12, 11, 10, 23, 22, 21, 20);
    }

    @Test
    void aVerticalFlipMirrorsTheRowsExactly() {
        double[] out = new double[12];
        ImageTransforms.flipVertical(IMAGE, out, SHAPE);

        assertThat(out).containsExactly(20, 21, 22, 23, 10, 11, 12, 13, 0, 1, 2, 3);
    }

    @Test
    void flipsKeepTheChannelsOfAPixelTogether() {
        ImageShape rgb = new ImageShape(1, 2, 3);
        double[] out = new double[6];
        ImageTransforms.flipHorizontal(new double[] {1, 2, 3, 4, 5, 6}, out, rgb);

        assertThat(out).containsExactly(4, 5, 6, 1, 2, 3);
    }

    @Test
    void aWholePixelShiftMovesPixelsExactlyAndFillsWithTheBackground() {
        double[] out = new double[12];
        ImageTransforms.affine(IMAGE, out, SHAPE, 0, 1, 1, -1); // one to the right, one up

        assertThat(out).containsExactly(0, 10, 11, 12, 0, 20, 21, 22, 0, 0, 0, 0);
    }

    @Test
    void zoomOneWithoutRotationOrShiftIsTheIdentity() {
        double[] out = new double[12];
        ImageTransforms.affine(IMAGE, out, SHAPE, 0, 1, 0, 0);

        assertThat(out).containsExactly(IMAGE);
    }

    @Test
    void aRotationBy90DegreesIsATransposeAndAFlip() {
        ImageShape square = new ImageShape(4, 4, 1);
        double[] image = new double[16];
        for (int i = 0; i < 16; i++) {
            image[i] = i * i % 7 + 0.5 * i;
        }
        double[] rotated = new double[16];
        ImageTransforms.affine(image, rotated, square, Math.PI / 2, 1, 0, 0);
        double[] transposed = new double[16];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                transposed[y * 4 + x] = image[x * 4 + y];
            }
        }
        double[] expected = new double[16];
        ImageTransforms.flipVertical(transposed, expected, square);

        for (int i = 0; i < 16; i++) {
            assertThat(rotated[i]).isCloseTo(expected[i], within(1e-12));
        }
    }

    @Test
    void zoomingInSamplesBetweenPixelsBilinearly() {
        ImageShape line = new ImageShape(1, 3, 1);
        double[] out = new double[3];
        ImageTransforms.affine(new double[] {0, 10, 20}, out, line, 0, 2, 0, 0);

        // Each output pixel x samples the input at 1 + (x − 1)/2: 0.5, 1, 1.5.
        assertThat(out).containsExactly(5, 10, 15);
    }

    @Test
    void brightnessAddsAndContrastScalesAroundTheMean() {
        double[] image = {1, 2, 3, 6};
        ImageTransforms.brightness(image, 0.5);
        assertThat(image).containsExactly(1.5, 2.5, 3.5, 6.5);

        ImageTransforms.contrast(image, 2);
        assertThat(image).containsExactly(-0.5, 1.5, 3.5, 9.5); // mean 3.5 kept
    }
}
