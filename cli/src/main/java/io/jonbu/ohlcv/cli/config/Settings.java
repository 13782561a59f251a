package io.jonbu.ohlcv.cli.config;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The configuration of one {@code jonbu} invocation, layered: a command-line flag beats its
 * environment variable ({@code JONBU_*}), which beats the config file, which beats the flag's
 * built-in default. The flags' layer is picocli's own; this class supplies the two below it
 * through {@link ConfigDefaults}.
 *
 * @param environment the process environment
 * @param file        the config file, or null when none was named
 */
public record Settings(Map<String, String> environment, ConfigFile file) {
    /** Names the config file when {@code --config} does not. */
    public static final String CONFIG_VARIABLE = "JONBU_CONFIG";
    public static final String CONFIG_OPTION = "--config";
    /**
     * Read by the logging configuration itself (log4j2.properties), before any flag is parsed: text
     * or json. Checked here, as an unknown value would silence the logs.
     */
    public static final String LOG_FORMAT_VARIABLE = "JONBU_LOG_FORMAT";

    public Settings {
        environment = Map.copyOf(environment);
    }

    /**
     * The settings for {@code args}: the file named by {@code --config FILE} (or {@code --config=FILE})
     * among them, else by {@value #CONFIG_VARIABLE}, else none.
     *
     * @throws ConfigException listing every problem in the file
     */
    public static Settings of(Map<String, String> environment, String... args) throws ConfigException {
        String named = environment.get(CONFIG_VARIABLE);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(CONFIG_OPTION) && i + 1 < args.length) {
                named = args[i + 1];
            } else if (args[i].startsWith(CONFIG_OPTION + "=")) {
                named = args[i].substring(CONFIG_OPTION.length() + 1);
            }
        }
        return new Settings(environment, named == null || named.isBlank() ? null : ConfigFile.read(Path.of(named)));
    }

    /** The setting's text from the environment or the file; empty when the flag's default applies. */
    public Optional<String> value(ConfigKey key) {
        String fromEnvironment = environment.get(key.environmentVariable());
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(fromEnvironment);
        }
        return file == null ? Optional.empty() : Optional.ofNullable(file.settings().get(key));
    }

    /** Where {@link #value} comes from, for messages and {@code config show}. */
    public String source(ConfigKey key) {
        String fromEnvironment = environment.get(key.environmentVariable());
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return "env " + key.environmentVariable();
        }
        return file != null && file.settings().containsKey(key) ? file.path().toString() : "default";
    }

    public Optional<String> secret(Secret secret) {
        String fromEnvironment = environment.get(secret.environmentVariable());
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(fromEnvironment);
        }
        return file == null ? Optional.empty() : Optional.ofNullable(file.secrets().get(secret));
    }

    /** Where {@link #secret} comes from, never its value. */
    public String source(Secret secret) {
        String fromEnvironment = environment.get(secret.environmentVariable());
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return "env " + secret.environmentVariable();
        }
        return file != null && file.secrets().containsKey(secret) ? file.path().toString() : "not set";
    }

    /**
     * Every setting from the environment or the file that its flag would refuse, checked with the
     * flag's own converter in each command that has it.
     *
     * @param root the {@code jonbu} command line, not yet given these settings
     */
    public List<String> problems(CommandLine root) {
        List<String> problems = new ArrayList<>();
        for (ConfigKey key : ConfigKey.values()) {
            Optional<String> value = value(key);
            if (value.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, CommandLine> command : commands(root).entrySet()) {
                Optional<String> option = key.option(command.getKey());
                if (option.isEmpty()) {
                    continue;
                }
                String problem = refusal(root, command.getKey(), option.get(), value.get());
                if (problem != null) {
                    problems.add(key.path() + " (" + source(key) + "): " + problem);
                    break;
                }
            }
        }
        String logFormat = environment.get(LOG_FORMAT_VARIABLE);
        if (logFormat != null && !logFormat.equals("text") && !logFormat.equals("json")) {
            problems.add(LOG_FORMAT_VARIABLE + " (environment): must be text or json, not '" + logFormat + "'");
        }
        return problems;
    }

    /** Every command below {@code root} by its path, as {@code run} or {@code keys create}. */
    public static Map<String, CommandLine> commands(CommandLine root) {
        Map<String, CommandLine> commands = new LinkedHashMap<>();
        Deque<CommandLine> todo = new ArrayDeque<>(root.getSubcommands().values());
        while (!todo.isEmpty()) {
            CommandLine command = todo.poll();
            commands.putIfAbsent(path(command.getCommandSpec()), command);
            todo.addAll(command.getSubcommands().values());
        }
        return commands;
    }

    /** A command's path below the root, as {@code keys create}. */
    static String path(CommandSpec command) {
        String qualified = command.qualifiedName(" ");
        int root = qualified.indexOf(' ');
        return root < 0 ? "" : qualified.substring(root + 1);
    }

    /** What the command's parser says of {@code option value}, or null when it takes it. */
    private static String refusal(CommandLine root, String command, String option, String value) {
        OptionSpec spec = commands(root).get(command).getCommandSpec().findOption(option);
        if (spec == null) {
            throw new IllegalStateException(command + " has no option " + option + " (ConfigKey is out of date)");
        }
        try {
            // from the root: picocli parses a subcommand only below its parent
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.add(option);
            args.add(value);
            root.parseArgs(args.toArray(String[]::new));
            return null;
        } catch (CommandLine.MissingParameterException e) {
            return null; // the command's other required options, not this one
        } catch (CommandLine.ParameterException e) {
            return e.getMessage();
        }
    }
}
