package dev.regtrain.plots;

/** A plot's width and height in pixels, within bounds that keep rendering cheap. */
public record PlotSize(int width, int height) {

    public static final int MIN_WIDTH = 400;
    public static final int MAX_WIDTH = 2400;
    public static final int MIN_HEIGHT = 300;
    public static final int MAX_HEIGHT = 1600;

    public PlotSize {
        if (width < MIN_WIDTH || width > MAX_WIDTH || height < MIN_HEIGHT || height > MAX_HEIGHT) {
            throw new IllegalArgumentException("a plot is " + MIN_WIDTH + "–" + MAX_WIDTH + " × " + MIN_HEIGHT + "–"
                    + MAX_HEIGHT + " pixels; got " + width + " × " + height);
        }
    }
}
