package io.modelaudit.cli;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The bash (and zsh, through bashcompinit) completion script of model-audit and its commands, made
 * from their declarations: option names, the values of options that have a fixed set, file names
 * for options and arguments that take files.
 */
final class ShellCompletion {
  private ShellCompletion() {}

  static final List<CommandSpec> COMMANDS =
      List.of(AuditCommand.SPEC, BaselineCommand.SPEC, CheckCommand.SPEC, DiffCommand.SPEC);

  static String script() {
    StringBuilder s = new StringBuilder();
    s.append(
        """
        # bash completion for model-audit, written by the build from the commands' declarations
        # (io.modelaudit.cli.WriteCommandDocs). Source it from ~/.bashrc, or copy it to
        # /etc/bash_completion.d/model-audit; zsh reads it through bashcompinit.

        if [ -n "$ZSH_VERSION" ]; then
          if ! type compdef >/dev/null 2>&1; then
            autoload -U +X compinit && compinit
          fi
          autoload -U +X bashcompinit && bashcompinit
        fi

        _complete_model-audit() {
          local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
          local command=model-audit options IFS=$'\\n'
          if (( COMP_CWORD > 1 )); then
            case ${COMP_WORDS[1]} in
              %s) command=${COMP_WORDS[1]} ;;
            esac
          fi
          case $command in
        """
            .formatted(GateCommands.NAMES.stream().sorted().collect(Collectors.joining("|"))));
    for (CommandSpec spec : COMMANDS) {
      command(spec, s);
    }
    s.append(
        """
          esac
          if [[ $cur == -* ]]; then
            COMPREPLY=( $(IFS=' '; compgen -W "$options" -- "$cur") )
            return
          fi
          compopt -o filenames 2>/dev/null
          COMPREPLY=( $(compgen -f -- "$cur") )
          if (( COMP_CWORD == 1 )); then
            COMPREPLY+=( $(IFS=' '; compgen -W "%s" -- "$cur") )
          fi
        }

        complete -F _complete_model-audit -o default model-audit
        """
            .formatted(GateCommands.NAMES.stream().sorted().collect(Collectors.joining(" "))));
    return s.toString();
  }

  private static void command(CommandSpec spec, StringBuilder s) {
    List<CliOption<?>> options = spec.accepted();
    s.append("    ").append(spec.name() == null ? "model-audit" : spec.name()).append(")\n");
    s.append("      options='")
        .append(
            options.stream()
                .flatMap(
                    o ->
                        o.isNegatable()
                            ? java.util.stream.Stream.concat(
                                o.names().stream(), java.util.stream.Stream.of(o.negatedName()))
                            : o.names().stream())
                .collect(Collectors.joining(" ")))
        .append("'\n");
    s.append("      case $prev in\n");
    for (CliOption<?> o : options) {
      if (!o.takesValue()) {
        continue;
      }
      s.append("        ").append(String.join("|", o.names())).append(")\n");
      switch (o.completion()) {
        case VALUES ->
            s.append("          COMPREPLY=( $(IFS=' '; compgen -W \"")
                .append(String.join(" ", o.candidateValues()))
                .append("\" -- \"$cur\") )\n");
        case FILES ->
            s.append("          compopt -o filenames 2>/dev/null\n")
                .append("          COMPREPLY=( $(compgen -f -- \"$cur\") )\n");
        case NONE -> s.append("          COMPREPLY=()\n");
      }
      s.append("          return ;;\n");
    }
    s.append("      esac ;;\n");
  }
}
