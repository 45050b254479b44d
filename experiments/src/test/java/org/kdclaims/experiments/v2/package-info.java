/**
 * Protocol v2 (EXPERIMENTS.md, "Protocol v2", pre-registered 2026-12-02), frozen: these claims run
 * only under {@code -Dkd.scale=ci-v2}, {@code nightly-v2} (and {@code ci-v1}), and reproduce the
 * committed v2 results. Change nothing here; a new design is a new protocol package.
 */
package org.kdclaims.experiments.v2;
