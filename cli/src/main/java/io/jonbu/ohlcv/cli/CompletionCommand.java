package io.jonbu.ohlcv.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jonbu completion bash}: the shell completion script for every command and option. */
@Command(name = "completion", header = "Print a bash completion script.", mixinStandardHelpOptions = true,
        description = {"Print a completion script for the shell: `source <(jonbu completion bash)`, or save it under",
            "/etc/bash_completion.d/. The bash script also works in zsh after `autoload -U bashcompinit && bashcompinit`."})
final class CompletionCommand implements Callable<Integer> {
    /** The shells the script serves. */
    enum Shell { bash, zsh }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", defaultValue = "bash", description = "bash or zsh (default: ${DEFAULT-VALUE})")
    Shell shell;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash("jonbu", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
