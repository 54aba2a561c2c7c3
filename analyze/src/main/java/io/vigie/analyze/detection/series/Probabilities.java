package io.vigie.analyze.detection.series;

/**
 * Tail probabilities the detectors report as p-values. Written here because the JDK has no erfc or incomplete
 * gamma and pulling a statistics library for two functions would weigh more than they do (Numerical Recipes'
 * series and continued fraction, accurate to about 1e-10 relative, far beyond what an alert needs).
 */
public final class Probabilities {
    private Probabilities() {}

    /** P(Z >= z) for a standard normal Z. */
    public static double normalUpperTail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2.0));
    }

    /** Complementary error function (Chebyshev fit, relative error below 1.2e-7). */
    public static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2.0 - r;
    }

    /** P(X >= k) for X ~ Poisson(mean); 1 when k <= 0. */
    public static double poissonUpperTail(double k, double mean) {
        double kk = Math.ceil(k);
        if (kk <= 0) {
            return 1.0;
        }
        if (mean <= 0) {
            return 0.0;
        }
        return regularizedGammaP(kk, mean);
    }

    /** P(X <= k) for X ~ Poisson(mean). */
    public static double poissonLowerTail(double k, double mean) {
        double kk = Math.floor(k);
        if (kk < 0) {
            return 0.0;
        }
        if (mean <= 0) {
            return 1.0;
        }
        return 1.0 - regularizedGammaP(kk + 1, mean);
    }

    /** P(a, x), the regularized lower incomplete gamma function. */
    static double regularizedGammaP(double a, double x) {
        if (x <= 0) {
            return 0.0;
        }
        double lnPrefix = -x + a * Math.log(x) - logGamma(a);
        if (x < a + 1) {
            double ap = a;
            double sum = 1.0 / a;
            double del = sum;
            for (int n = 0; n < 500; n++) {
                ap += 1;
                del *= x / ap;
                sum += del;
                if (Math.abs(del) < Math.abs(sum) * 1e-14) {
                    break;
                }
            }
            return Math.min(1.0, sum * Math.exp(lnPrefix));
        }
        double b = x + 1 - a;
        double c = 1.0 / 1e-300;
        double d = 1.0 / b;
        double h = d;
        for (int i = 1; i < 500; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < 1e-300) {
                d = 1e-300;
            }
            c = b + an / c;
            if (Math.abs(c) < 1e-300) {
                c = 1e-300;
            }
            d = 1.0 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1.0) < 1e-14) {
                break;
            }
        }
        return Math.max(0.0, 1.0 - Math.exp(lnPrefix) * h);
    }

    /** ln Γ(x) for x > 0 (Lanczos). */
    static double logGamma(double x) {
        double[] c = {76.18009172947146, -86.50532032941677, 24.01409824083091, -1.231739572450155,
            0.1208650973866179e-2, -0.5395239384953e-5};
        double y = x;
        double tmp = x + 5.5;
        tmp -= (x + 0.5) * Math.log(tmp);
        double ser = 1.000000000190015;
        for (double ci : c) {
            ser += ci / ++y;
        }
        return -tmp + Math.log(2.5066282746310005 * ser / x);
    }
}
