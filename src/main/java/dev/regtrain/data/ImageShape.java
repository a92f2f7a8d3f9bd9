package dev.regtrain.data;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of the images in a dataset whose rows are pixels, row-major: {@code height × width × channels} features
 * per row. Written {@code 28x28} (one channel) or {@code 32x32x3}.
 */
public record ImageShape(int height, int width, int channels) {

    public static final int MAX_DIMENSION = 4096;

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})x(\\d{1,9})(?:x(\\d{1,9}))?");

    public ImageShape {
        check("height", height);
        check("width", width);
        check("channels", channels);
        if ((long) height * width * channels > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("imageShape " + height + "x" + width + "x" + channels
                    + " has more pixels than one row can hold");
        }
    }

    /**
     * Parses {@code HxW} or {@code HxWxC} (channels default to 1), each dimension from 1 to 4096.
     *
     * @throws IllegalArgumentException with a message that shows the expected form
     */
    public static ImageShape parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("imageShape is missing; write it like 28x28 or 32x32x3");
        }
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("imageShape " + Texts.quote(text)
                    + " is not of the form HEIGHTxWIDTH or HEIGHTxWIDTHxCHANNELS, like 28x28 or 32x32x3");
        }
        int channels = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        return new ImageShape(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), channels);
    }

    /** The number of features one image takes: height × width × channels. */
    public int features() {
        return height * width * channels;
    }

    /** The text form that {@link #parse(String)} reads: {@code 28x28}, or {@code 32x32x3} when channels ≠ 1. */
    @Override
    public String toString() {
        return channels == 1 ? height + "x" + width : height + "x" + width + "x" + channels;
    }

    private static void check(String dimension, int value) {
        if (value < 1 || value > MAX_DIMENSION) {
            throw new IllegalArgumentException("imageShape " + dimension + " must be between 1 and " + MAX_DIMENSION
                    + "; got " + value);
        }
    }
}
