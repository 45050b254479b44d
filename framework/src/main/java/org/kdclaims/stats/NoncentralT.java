package org.kdclaims.stats;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * The cumulative distribution function of the noncentral t distribution, which commons-math3
 * lacks and power calculations for t-tests need. For {@code t >= 0} (Lenth 1989, AS 243):
 * <pre>
 *   F(t; v, delta) = Phi(-delta) + 1/2 sum_j [ P_j I_x(j + 1/2, v/2) + Q_j I_x(j + 1, v/2) ],
 *   x = t^2 / (t^2 + v),  lambda = delta^2 / 2,
 *   P_j = e^-lambda lambda^j / j!,  Q_j = e^-lambda lambda^j delta / (sqrt(2) Gamma(j + 3/2)),
 * </pre>
 * with I the regularized incomplete beta function; for {@code t < 0},
 * {@code F(t; v, delta) = 1 - F(-t; v, -delta)}. Unlike AS 243, which sums from j = 0, the sum
 * starts at the Poisson mode and runs both ways (Benton and Krishnamoorthy 2003), with the weights
 * computed in logarithms, so a large noncentrality (delta of 40 or more, where e^-lambda underflows)
 * is still accurate. Checked against scipy.stats.nct.cdf (fixtures/golden/stats.py).
 */
public final class NoncentralT {
    private static final double NEGLIGIBLE = 1e-18;

    private NoncentralT() {
    }

    public static double cdf(double t, double df, double ncp) {
        if (Double.isNaN(t) || Double.isNaN(df) || Double.isNaN(ncp) || !(df > 0)) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return t > 0 ? 1 : 0;
        }
        double p = t >= 0 ? upper(t, df, ncp) : 1 - upper(-t, df, -ncp);
        return Math.min(1, Math.max(0, p));
    }

    /** F(t; df, ncp) for t >= 0. */
    private static double upper(double t, double df, double ncp) {
        double phi = 0.5 * Erf.erfc(ncp / Math.sqrt(2));
        if (t == 0) {
            return phi;
        }
        double x = t * t / (t * t + df);
        double lambda = ncp * ncp / 2;
        double half = df / 2;
        if (lambda == 0) {
            return phi + 0.5 * Beta.regularizedBeta(x, 0.5, half);
        }
        double logLambda = Math.log(lambda);
        double logQ = Math.log(Math.abs(ncp)) - 0.5 * Math.log(2);
        double sign = Math.signum(ncp);
        long mode = (long) Math.floor(lambda);
        double sum = 0;
        for (long j = mode; ; j++) {
            double term = term(j, x, half, lambda, logLambda, logQ, sign);
            sum += term;
            if (j > mode && weight(j, lambda, logLambda) < NEGLIGIBLE) {
                break;
            }
        }
        for (long j = mode - 1; j >= 0; j--) {
            sum += term(j, x, half, lambda, logLambda, logQ, sign);
            if (weight(j, lambda, logLambda) < NEGLIGIBLE) {
                break;
            }
        }
        return phi + 0.5 * sum;
    }

    private static double term(long j, double x, double half, double lambda, double logLambda, double logQ,
            double sign) {
        double base = -lambda + j * logLambda;
        double p = Math.exp(base - Gamma.logGamma(j + 1.0));
        double q = sign * Math.exp(base + logQ - Gamma.logGamma(j + 1.5));
        double ip = p == 0 ? 0 : Beta.regularizedBeta(x, j + 0.5, half, 1e-15, Integer.MAX_VALUE);
        double iq = q == 0 ? 0 : Beta.regularizedBeta(x, j + 1.0, half, 1e-15, Integer.MAX_VALUE);
        return p * ip + q * iq;
    }

    /** The larger of the Poisson weight P_j and |Q_j| bounds the rest of the sum's terms. */
    private static double weight(long j, double lambda, double logLambda) {
        double base = -lambda + j * logLambda;
        return Math.exp(base - Gamma.logGamma(j + 1.0)) * Math.max(1, Math.sqrt(lambda + 1) * 2);
    }
}
