package io.modelaudit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the bash completion script and the AsciiDoc man page from the commands' declarations; run
 * by the build once the classes are compiled ({@code target/model-audit_completion}, {@code
 * target/man/model-audit.adoc}).
 *
 * <p>{@code WriteCommandDocs COMPLETION_FILE MAN_FOLDER}
 */
public final class WriteCommandDocs {
  private WriteCommandDocs() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: WriteCommandDocs COMPLETION_FILE MAN_FOLDER");
    }
    Path completion = Path.of(args[0]);
    Path man = Path.of(args[1]);
    Files.createDirectories(completion.toAbsolutePath().getParent());
    Files.writeString(completion, ShellCompletion.script());
    Files.createDirectories(man);
    Files.writeString(
        man.resolve("model-audit.adoc"),
        ManPage.of(
            AuditCommand.SPEC, List.of(BaselineCommand.SPEC, CheckCommand.SPEC, DiffCommand.SPEC)));
  }
}
