package org.kdclaims.stats;

/**
 * Centred sums of squares and cross-products of two samples of equal length, the common core of
 * Pearson's r (paired comparisons) and the least-squares slope (trend tests).
 */
record CrossMoments(int n, double meanX, double meanY, double sxx, double syy, double sxy) {

    static CrossMoments of(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return new CrossMoments(n, mx, my, sxx, syy, sxy);
    }
}
