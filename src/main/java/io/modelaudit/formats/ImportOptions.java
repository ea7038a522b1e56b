package io.modelaudit.formats;

import java.nio.file.Path;

/**
 * What the user told the importers.
 *
 * @param architecture the architecture JSON for weights-only Keras HDF5 files ({@code --config}),
 *     or null to look for one beside each such file
 */
public record ImportOptions(Path architecture) {
  public static final ImportOptions NONE = new ImportOptions(null);
}
