package dev.regtrain.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RngTests {

    @Test
    void advanceSkipsTheDrawsItCounts() {
        Rng skipped = new Rng(-7);
        Rng single = new Rng(-7);
        skipped.advance(500);
        for (int i = 0; i < 500; i++) {
            single.nextDouble();
        }
        assertThat(skipped.state()).isEqualTo(single.state());
        assertThat(skipped.nextLong()).isEqualTo(single.nextLong());
    }
}
