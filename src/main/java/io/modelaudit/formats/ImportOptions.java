package io.modelaudit.formats;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * What the user told the importers, and how they find what a file leaves out.
 *
 * @param architecture the architecture JSON for weights-only Keras HDF5 files ({@code --config}),
 *     or null to look for one beside each such file
 * @param findArchitecture the architecture JSON beside a weights-only file, or null when there is
 *     none (deciding it takes reading the neighbours' content, which is not the importers' job)
 */
public record ImportOptions(Path architecture, UnaryOperator<Path> findArchitecture) {
  public static final ImportOptions NONE = new ImportOptions(null, weights -> null);
}
