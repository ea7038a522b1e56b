package io.modelaudit.reference.dl4j;

import io.modelaudit.compare.Explanation;
import io.modelaudit.compare.Finding;
import io.modelaudit.reference.Verdict;
import io.modelaudit.report.Dl4jAnswer;
import java.util.List;
import java.util.Map;

/**
 * What Deeplearning4j said about a model, and what that led to.
 *
 * @param answer DL4J's own numbers (or why it gave none)
 * @param explanations why DL4J's numbers differ from ours, by top-level layer name (also where the
 *     counts agree but DL4J counts them another way)
 */
public record Dl4jVerdict(
    Dl4jAnswer answer, List<Finding> findings, Map<String, Explanation> explanations)
    implements Verdict {}
