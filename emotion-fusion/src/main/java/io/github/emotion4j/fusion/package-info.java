/**
 * Decision-level fusion: {@link io.github.emotion4j.fusion.WeightedFusion}, the grid search of branch weights on
 * validation predictions ({@link io.github.emotion4j.fusion.WeightSearch} over a {@link
 * io.github.emotion4j.fusion.PredictionTable}), and the paper's hybrid network (assembly of single-branch
 * bundles into one, the training protocol, reports).
 */
package io.github.emotion4j.fusion;
