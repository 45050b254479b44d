package org.kdclaims.results.model;

/** A number the paper reports for a claim, shown beside ours. */
public record PaperValueRecord(String label, double value, String unit, String note) {
}
