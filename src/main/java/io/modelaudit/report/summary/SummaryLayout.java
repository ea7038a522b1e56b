package io.modelaudit.report.summary;

import java.util.Set;

/**
 * How the text summary is laid out.
 *
 * @param columns the optional columns asked for with {@code --columns} ({@link SummaryColumns}
 *     names)
 * @param maxDepth the deepest nesting level shown (0: top-level layers only), or null for all
 * @param expandNested true to show, under a wrapper (Bidirectional, TimeDistributed), the layers it
 *     runs
 * @param explain true to show, under each layer, the formula of its count and the steps of its
 *     shape rule
 * @param width the terminal's width in cells, which long names are cut to fit, or null for no limit
 */
public record SummaryLayout(
    Set<String> columns, Integer maxDepth, boolean expandNested, boolean explain, Integer width) {
  public SummaryLayout {
    columns = Set.copyOf(columns);
  }

  /** Today's table: the default columns, every depth, nothing cut. */
  public static final SummaryLayout DEFAULT = new SummaryLayout(Set.of(), null, false, false, null);
}
