/**
 * Measures sentiment scorers on labelled folders of the shared layout ({@code *_text.txt}, {@code *_labels.txt}
 * with 0 negative, 1 neutral, 2 positive): accuracy, macro recall, macro F1, confusion matrix, throughput.
 */
package io.vigie.analyze.sentiment.evaluation;
