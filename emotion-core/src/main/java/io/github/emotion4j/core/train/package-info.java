/** Training support shared by the branch trainers: progress reporting. */
package io.github.emotion4j.core.train;
