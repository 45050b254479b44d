package org.kdclaims.annotations;

/**
 * A condition one of the paper's claims takes for granted, declared with {@link Premises} and checked
 * on the trained models before the verdict counts. When one fails, the experiment is not in the
 * situation the paper speaks about: the claim is reported OUTSIDE_REGIME (its statistics are kept
 * beside it) and the test aborts, never passes or fails.
 */
public enum Premise {
    /**
     * Every teacher (the checkpoint that teaches) has a lower test error than the mean of the claim's
     * students trained alone: KD is about learning from a more accurate model (PAPER.md C1: teachers
     * of 4.4-5.3 % error against 8.76 % for the WRN16-1 student from scratch). The scratch students
     * are the claim's {@code @Scratch} arm, or are trained for the check (same architecture and seeds).
     * A teacher of the student's own architecture is exempt (self-distillation: it is the student
     * trained alone).
     */
    TEACHERS_BEAT_SCRATCH,
    /**
     * Every teacher's final training error is below {@link #MAX_TEACHER_TRAINING_ERROR} percent: the
     * paper's teachers are trained to convergence (200 epochs, three decays), where WideResNets fit
     * CIFAR-10's training set almost perfectly; C3's students miss their teachers' training labels in
     * only 0.2-1.9 % of images (Table 2), which presumes teachers that fit them.
     */
    TEACHERS_FIT_TRAINING_SET,
    /**
     * Every early-stopped teacher's checkpoint was taken after its first learning-rate decay (at least
     * one epoch at the decayed rate), so that it is a trained model rather than one still on the first
     * plateau of its schedule.
     */
    STOPPED_TEACHER_PAST_FIRST_DECAY,
    /**
     * {@link #TEACHERS_BEAT_SCRATCH} for each teacher's fully trained model, whatever checkpoint
     * teaches: the premise of the early-stopped-teacher claims (C8, C9), whose stopped checkpoints
     * are by design less trained, and may be less accurate, than the student trained alone.
     */
    FULLY_TRAINED_TEACHERS_BEAT_SCRATCH,
    /** {@link #TEACHERS_FIT_TRAINING_SET} for each teacher's fully trained model (C8, C9). */
    FULLY_TRAINED_TEACHERS_FIT_TRAINING_SET,
    /**
     * Larger models are more accurate: the premise of C1 ("bigger, more accurate teachers are not
     * better teachers"), pre-registered as follows.
     * <ul>
     *   <li><b>Models compared:</b> the claim's teachers, each as its fully trained model (a stopped
     *       teacher by the model it was stopped from, as the FULLY_TRAINED_* premises), and the
     *       claim's students trained alone (those {@link #TEACHERS_BEAT_SCRATCH} compares with: the
     *       {@code @Scratch} arm, or trained for the check). A teacher distilled from another (a
     *       born-again generation, a chain's middle model) counts with its own architecture. Each
     *       model is one observation, its final test error in percent; a model named twice (the same
     *       model key) counts once.</li>
     *   <li><b>Size:</b> x = log2 of the model's trainable parameter count, at the data's input shape.</li>
     *   <li><b>Holds</b> when either (a) the least-squares slope of test error on x is negative and
     *       significant: one-sided t-test on the slope, p below {@link #SIZE_TREND_ALPHA}, df = n - 2
     *       (needs n >= 3 models at 2 or more sizes); or (b) no larger size is worse: with the sizes
     *       in ascending order, each size's mean test error is at most the mean of every smaller
     *       size.</li>
     *   <li>With one size only (every teacher is the student's own architecture) it holds vacuously.</li>
     * </ul>
     * The report row's observed value is the slope (points of test error per doubling of parameters)
     * against 0; its statement gives the one-sided p, each size's n and mean, and which of (a), (b)
     * held, or the pair of sizes where the larger is worst.
     */
    TEACHERS_IMPROVE_WITH_SIZE;

    /** The one-sided significance level of the slope test of {@link #TEACHERS_IMPROVE_WITH_SIZE}. */
    public static final double SIZE_TREND_ALPHA = 0.05;

    /**
     * The most training error (percent, augmented training batches of the last epoch, as the trainer
     * records it) a teacher may have for {@link #TEACHERS_FIT_TRAINING_SET}. 10 %: converged WideResNet
     * teachers are far below 1 %, while before their first decay they sit at roughly 15-25 % on
     * augmented CIFAR-10; 10 % leaves room for augmentation noise and the shorter schedules of the
     * reduced scales, yet rejects a teacher that has not fitted its data.
     */
    public static final double MAX_TEACHER_TRAINING_ERROR = 10.0;
}
