package org.kdclaims.data;

/** Derives independent 64-bit seeds from a seed and a path of integers (SplitMix64 finaliser). */
final class SeedDerivation {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private SeedDerivation() {
    }

    static long derive(long seed, long... path) {
        long h = mix(seed + GOLDEN);
        for (long p : path) {
            // mixing before and after keeps (seed, 1, 2) and (seed, 2, 1) apart
            h = mix(h + GOLDEN + mix(p ^ 0x632BE59BD9B4E019L));
        }
        return h;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
