package io.jonbu.ohlcv.cli;

import io.jonbu.ohlcv.cli.config.ConfigException;
import io.jonbu.ohlcv.cli.config.ConfigFile;
import io.jonbu.ohlcv.cli.config.ConfigKey;
import io.jonbu.ohlcv.cli.config.ConfigOption;
import io.jonbu.ohlcv.cli.config.Secret;
import io.jonbu.ohlcv.cli.config.Settings;
import io.jonbu.ohlcv.cli.config.UsesSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jonbu config check|show}: the typed configuration, checked and shown with secrets masked. */
@Command(name = "config", header = "Check a config file, or show every setting and its source.", mixinStandardHelpOptions = true,
        description = {"The configuration: a YAML file (--config or JONBU_CONFIG), environment variables JONBU_*",
            "over it, and flags over both."},
        subcommands = {ConfigCommand.Check.class, ConfigCommand.Show.class})
final class ConfigCommand {

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check a config file: every unknown key and every value its flag would refuse, all at once. Exit 0 when it is good, 2 when not.")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "the YAML file")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<String> problems = new ArrayList<>();
            ConfigFile config = null;
            try {
                config = ConfigFile.read(file);
                // the file alone, so the environment neither hides nor adds a problem
                problems.addAll(new Settings(Map.of(), config).problems(Jonbu.commandLine(new Settings(Map.of(), null))));
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
            if (!problems.isEmpty()) {
                err.println(file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
                problems.forEach(p -> err.println("  " + p));
                return 2;
            }
            out.println(file + ": ok, " + config.settings().size() + " settings and " + config.secrets().size() + " secrets");
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Show every setting as `jonbu run` and the other commands will see it, and where it comes from;",
                "secrets are masked."})
    static final class Show implements Callable<Integer>, UsesSettings {
        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOption config;

        private Settings settings;

        @Override
        public void use(Settings settings) {
            this.settings = settings;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            CommandLine commands = Jonbu.commandLine(new Settings(Map.of(), null));
            out.println("# flags override environment variables, which override "
                    + (settings.file() == null ? "a config file (none given)" : settings.file().path()) + ", which overrides the defaults");
            for (ConfigKey key : ConfigKey.values()) {
                Optional<String> value = settings.value(key);
                String shown = value.orElseGet(() -> builtInDefault(commands, key));
                out.printf("%-28s %-40s # %s%n", key.path() + ":", shown, settings.source(key));
            }
            for (Secret secret : Secret.values()) {
                out.printf("%-28s %-40s # %s%n", secret.path() + ":", settings.secret(secret).isPresent() ? "********" : "",
                        settings.source(secret));
            }
            return 0;
        }

        private static String builtInDefault(CommandLine commands, ConfigKey key) {
            for (Map.Entry<String, CommandLine> command : Settings.commands(commands).entrySet()) {
                Optional<String> option = key.option(command.getKey());
                if (option.isPresent()) {
                    OptionSpec spec = command.getValue().getCommandSpec().findOption(option.get());
                    return spec.defaultValue() == null ? "" : spec.defaultValue();
                }
            }
            return "";
        }
    }
}
