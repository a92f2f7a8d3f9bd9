package dev.regtrain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RngTests {

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
