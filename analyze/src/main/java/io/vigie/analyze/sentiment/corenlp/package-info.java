/**
 * Stanford CoreNLP on the side of the live path: its recursive sentiment model (English; about 3 tweets per CPU second measured here)
 * as an offline scorer for evaluation, benchmarks and sampled re-scoring, and its fast tokenize/ssplit pipeline as
 * the sentence splitter of brand-targeted scoring. The 452 MiB models jar is opened only when the sentiment
 * scorer is built.
 */
package io.vigie.analyze.sentiment.corenlp;
