package io.modelaudit.report.summary;

import io.modelaudit.report.LayerReport;
import io.modelaudit.report.ModelReport;
import java.util.List;

/**
 * One column of the text summary: see {@link SummaryColumns} for the registry and how to add one.
 *
 * @param name what {@code --columns} calls it
 * @param header the table's header
 * @param align how the cells are aligned
 * @param shown when the column is shown without being asked for
 * @param shrinkable true when its cells may be cut with an ellipsis to fit the terminal (names and
 *     text; never numbers or shapes)
 * @param cells the column's lines for a layer (several for a layer called several times), as plain
 *     text, already made safe for a terminal
 */
public record SummaryColumn(
    String name, String header, Align align, Shown shown, boolean shrinkable, Cells cells) {

  public enum Align {
    LEFT,
    RIGHT
  }

  /** When a column is shown without {@code --columns}. */
  public enum Shown {
    ALWAYS,
    /** For models that are not a single chain of layers (Keras' rule for "Connected to"). */
    FOR_GRAPHS,
    ON_REQUEST
  }

  /** The cells of one layer's row. */
  @FunctionalInterface
  public interface Cells {
    List<String> of(LayerReport layer, ModelReport model);
  }
}
