package org.kdclaims.training;

/**
 * Knowledge distillation as PAPER.md defines it:
 * {@code L_KD = -tau^2 * sum_k softmax(t/tau)_k * log softmax(s/tau)_k}, combined with the hard-label
 * cross-entropy. The two weighting conventions in use are both supported and always named:
 * {@link Convention#HINTON} puts {@code weight} on the KD term ({@code (1-w) CE + w KD}, most code
 * bases and the pilot), {@link Convention#PAPER} puts it on the cross-entropy ({@code a CE + (1-a) KD},
 * the paper's formula as written).
 */
public record Distillation(double tau, double weight, Convention convention) {
    public enum Convention { HINTON, PAPER }

    public Distillation {
        if (!(tau > 0)) {
            throw new IllegalArgumentException("KD temperature tau must be > 0, got " + tau);
        }
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("KD weight must be in [0, 1], got " + weight);
        }
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
        return String.format(java.util.Locale.ROOT, "%.2f*CE + %.2f*KD (tau=%s, %s convention)",
                crossEntropyWeight(), kdWeight(), tau, convention.name().toLowerCase(java.util.Locale.ROOT));
    }
}
