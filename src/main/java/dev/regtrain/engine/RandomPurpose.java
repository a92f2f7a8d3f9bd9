package dev.regtrain.engine;

/**
 * What a random stream is used for. Each purpose gets its own stream derived from the job's seed, so that, for
 * example, switching dropout on does not change the initial weights or the validation split.
 * The salts are fixed forever: changing one changes every seeded result.
 */
public enum RandomPurpose {
    SPLIT(0x5EED_0001L),
    INIT(0x5EED_0002L),
    SHUFFLE(0x5EED_0003L),
    DROPOUT(0x5EED_0004L),
    AUGMENT(0x5EED_0005L),
    DATA(0x5EED_0006L),
    PREDICT(0x5EED_0007L),
    /** Cross-validation folds: a study's seed, shared by all its children, so that they agree on the folds. */
    FOLDS(0x5EED_0008L),
    /** A random search's draws of parameter values, from a study's seed. */
    SEARCH(0x5EED_0009L);

    final long salt;

    RandomPurpose(long salt) {
        this.salt = salt;
    }
}
