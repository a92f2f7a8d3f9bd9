package dev.regtrain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RngTests {

    @Test
    void nextDoublesDrawsWhatThatManyNextDoubleCallsDrawAndEndsInTheSameState() {
        Rng bulk = new Rng(2025);
        Rng single = new Rng(2025);
        double[] values = new double[1000];
        bulk.nextDoubles(values, 999);

        for (int i = 0; i < 999; i++) {
            assertThat(values[i]).isEqualTo(single.nextDouble());
        }
        assertThat(values[999]).isZero();
        assertThat(bulk.state()).isEqualTo(single.state());
    }

    @Test
    void peekedRangesFilledInAnyOrderAreTheNextDrawsAndAdvanceSkipsThem() {
        Rng peeked = new Rng(-7);
        Rng single = new Rng(-7);
        double[] values = new double[500];
        peeked.peekDoubles(values, 300, 500);
        peeked.peekDoubles(values, 0, 120);
        peeked.peekDoubles(values, 120, 300);
        peeked.advance(500);

        for (double value : values) {
            assertThat(value).isEqualTo(single.nextDouble());
        }
        assertThat(peeked.state()).isEqualTo(single.state());
        assertThat(peeked.nextLong()).isEqualTo(single.nextLong());
    }
}
