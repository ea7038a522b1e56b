package io.modelaudit.formats;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one form of model file into our representation: the graph as configured and the file's own
 * facts. A problem with the file is a {@link ModelFileException}; anything else that escapes is a
 * bug in this tool.
 */
@FunctionalInterface
public interface ModelImporter {

  ImportedModel importFile(Path file, ImportOptions options) throws IOException;
}
