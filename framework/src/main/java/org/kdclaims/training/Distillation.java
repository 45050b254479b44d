package org.kdclaims.training;
import java.util.Locale;

/**
 * Knowledge distillation as PAPER.md defines it:
 * {@code L_KD = -tau^2 * sum_k softmax(t/tau)_k * log softmax(s/tau)_k}, combined with the hard-label
 * cross-entropy. The two weighting conventions in use are both supported and always named:
 * {@link Convention#HINTON} puts {@code weight} on the KD term ({@code (1-w) CE + w KD}, most code
 * bases and the pilot), {@link Convention#PAPER} puts it on the cross-entropy ({@code a CE + (1-a) KD},
 * the paper's formula as written). With {@code attentionBeta > 0} the attention-transfer term of
 * {@link AttentionTransferLoss} is added to the loss ({@code + (beta/2) sum_j mean (q_s - q_t)^2} over the
 * attention points), "in addition to logits" as PAPER.md's C9 describes it.
 */
public record Distillation(double tau, double weight, Convention convention, double attentionBeta) {
    public enum Convention { HINTON, PAPER }

    public Distillation {
        if (!(tau > 0)) {
            throw new IllegalArgumentException("KD temperature tau must be > 0, got " + tau);
        }
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("KD weight must be in [0, 1], got " + weight);
        }
        if (!(attentionBeta >= 0) || Double.isInfinite(attentionBeta)) {
            throw new IllegalArgumentException("attention-transfer beta must be >= 0, got " + attentionBeta);
        }
    }

    /** Logit distillation only, no attention transfer. */
    public Distillation(double tau, double weight, Convention convention) {
        this(tau, weight, convention, 0);
    }

    /** The same recipe with attention transfer of weight {@code beta} (0: none). */
    public Distillation withAttention(double beta) {
        return new Distillation(tau, weight, convention, beta);
    }

    /** The same recipe at another temperature. */
    public Distillation withTau(double t) {
        return new Distillation(t, weight, convention, attentionBeta);
    }

    public boolean attentionTransfer() {
        return attentionBeta > 0;
    }

    /** tau = 4, 0.9 on the KD term: the protocol default of PAPER.md. */
    public static Distillation standard() {
        return new Distillation(4, 0.9, Convention.HINTON);
    }

    public double crossEntropyWeight() {
        return convention == Convention.HINTON ? 1 - weight : weight;
    }

    public double kdWeight() {
        return convention == Convention.HINTON ? weight : 1 - weight;
    }

    public String describe() {
        String at = attentionTransfer() ? String.format(Locale.ROOT, " + AT(beta=%s)", attentionBeta) : "";
        return String.format(Locale.ROOT, "%.2f*CE + %.2f*KD%s (tau=%s, %s convention)",
                crossEntropyWeight(), kdWeight(), at, tau, convention.name().toLowerCase(Locale.ROOT));
    }
}
