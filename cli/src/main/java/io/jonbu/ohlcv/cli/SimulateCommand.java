package io.jonbu.ohlcv.cli;

import io.jonbu.ohlcv.cli.config.ConfigOption;
import io.jonbu.ohlcv.source.simulator.AlpacaSimulator;
import io.jonbu.ohlcv.source.simulator.SimulatorConfig;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The Alpaca-protocol simulator alone, for any client that speaks Alpaca's stream. */
@Command(name = "simulate", header = "Serve Alpaca's stream and REST protocol with seeded trades.", mixinStandardHelpOptions = true,
        description = {"Serve Alpaca's v2 stock stream protocol on ws://127.0.0.1:PORT/v2/{feed} with seeded",
            "random-walk trades. Any key and secret are accepted unless --key/--secret are given.",
            "--corrections/--cancels amend trades after the fact; --fault makes every connection misbehave."})
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Mixin
    SimulatorOptions simulator;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8765", description = "port on 127.0.0.1 (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--key", paramLabel = "KEY", description = "the only API key id accepted")
    String key;

    @Option(names = "--secret", paramLabel = "SECRET", description = "the only API secret accepted")
    String secret;

    @Override
    public Integer call() throws InterruptedException {
        SimulatorConfig config;
        try {
            config = simulator.toBuilder(port).credentials(key, secret).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        AlpacaSimulator sim = AlpacaSimulator.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C ends the JVM from a hook thread: close there, then let main return
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "simulator-stop"));
        spec.commandLine().getOut().printf("Alpaca simulator on %s (%s); Ctrl-C stops it%n", sim.url("iex"), config);
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
