/**
 * Protocol v3 (EXPERIMENTS.md, "Protocol v3"): the claims in the regime where teachers fit their
 * training set and grow more accurate with size, every claim about teachers replicating its
 * teachers. These run under {@code -Dkd.scale=ci}, {@code nightly}, {@code smoke} and {@code paper};
 * once v3 has results, this package is frozen like {@code v2}.
 */
package org.kdclaims.experiments.v3;
