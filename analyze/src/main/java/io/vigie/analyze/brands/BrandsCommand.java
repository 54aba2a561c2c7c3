package io.vigie.analyze.brands;

import io.vigie.query.BrandQuery;
import io.vigie.query.QueryParseException;
import io.vigie.model.Schema;
import io.vigie.model.WatchedBrand;
import io.vigie.runtime.config.ConfigDocument;
import io.vigie.runtime.connect.KafkaConnection;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigie brands add|edit|rm|list}: the watchlist, edited while Vigie runs. */
@Command(name = "brands", mixinStandardHelpOptions = true,
        description = "Watched brands: add, edit, remove or list them; edits apply to the next mention, no restart.",
        subcommands = {BrandsCommand.Add.class, BrandsCommand.Edit.class, BrandsCommand.Remove.class, BrandsCommand.ListBrands.class})
public final class BrandsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say add, edit, rm or list; see --help");
    }

    /** Where the broker is: {@code --bootstrap-servers}, else the {@code kafka:} section of the configuration. */
    static final class Connection {
        @Option(names = "--config", description = "configuration file (default: ${DEFAULT-VALUE})", defaultValue = "vigie.yaml")
        Path config;

        @Option(names = "--bootstrap-servers", description = "Kafka bootstrap servers; overrides the configuration")
        String bootstrapServers;

        KafkaConnection kafka() {
            if (bootstrapServers != null && !bootstrapServers.isBlank()) {
                return KafkaConnection.plaintext(bootstrapServers);
            }
            if (!Files.exists(config)) {
                throw new IllegalArgumentException("no --bootstrap-servers and no configuration file " + config);
            }
            return ConfigDocument.read(config).bind("kafka", KafkaConnection.class);
        }
    }

    /** Checks a query, printing where it breaks. */
    static void check(String query, CommandSpec spec) {
        try {
            BrandQuery.parse(query);
        } catch (QueryParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the query does not parse, "
                    + e.getMessage() + "\n" + e.pointAt(query));
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Watch a new brand (refused if the id exists).")
    static final class Add implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin Connection connection = new Connection();
        @Parameters(index = "0", description = "brand id, e.g. kryptonite") String id;
        @Option(names = {"-q", "--query"}, required = true, description = "the brand query, see the analyze README") String query;
        @Option(names = "--name", description = "display name") String name;
        @Option(names = "--languages", split = ",", description = "languages to keep, e.g. fr,en (default: all)") List<String> languages;
        @Option(names = "--paused", description = "add it paused") boolean paused;

        @Override
        public Integer call() {
            check(query, spec);
            WatchedBrand brand = new BrandEntry(id, name, query, languages, paused).toWatchedBrand(Instant.now());
            WatchlistClient client = new WatchlistClient(connection.kafka());
            if (client.list().containsKey(id)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "brand '" + id + "' exists; use vigie brands edit");
            }
            client.put(List.of(brand));
            spec.commandLine().getOut().println("added " + id + ": " + query);
            return 0;
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true, description = "Change a brand's query, name, languages or pause.")
    static final class Edit implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin Connection connection = new Connection();
        @Parameters(index = "0", description = "brand id") String id;
        @Option(names = {"-q", "--query"}, description = "new query") String query;
        @Option(names = "--name", description = "new display name") String name;
        @Option(names = "--languages", split = ",", description = "new languages to keep (empty string: all)") List<String> languages;
        @Option(names = "--paused", negatable = true, description = "pause or (--no-paused) resume") Boolean paused;

        @Override
        public Integer call() {
            if (query != null) {
                check(query, spec);
            }
            WatchlistClient client = new WatchlistClient(connection.kafka());
            WatchedBrand current = client.list().get(id);
            if (current == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no brand '" + id + "'; use vigie brands add");
            }
            List<String> langs = languages == null ? current.languages()
                    : languages.stream().filter(l -> !l.isBlank()).toList();
            WatchedBrand edited = new WatchedBrand(Schema.VERSION, id, name == null ? current.name() : name,
                    query == null ? current.query() : query, langs, paused == null ? current.paused() : paused, Instant.now());
            client.put(List.of(edited));
            spec.commandLine().getOut().println("edited " + id + ": " + edited.query() + (edited.paused() ? " (paused)" : ""));
            return 0;
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Stop watching a brand.")
    static final class Remove implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin Connection connection = new Connection();
        @Parameters(index = "0", description = "brand id") String id;

        @Override
        public Integer call() {
            WatchlistClient client = new WatchlistClient(connection.kafka());
            if (!client.list().containsKey(id)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no brand '" + id + "'");
            }
            client.remove(id);
            spec.commandLine().getOut().println("removed " + id);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The watched brands and their queries.")
    static final class ListBrands implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin Connection connection = new Connection();

        @Override
        public Integer call() {
            Map<String, WatchedBrand> brands = new WatchlistClient(connection.kafka()).list();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-20s %-8s %-8s %s%n", "ID", "LANG", "STATE", "QUERY");
            for (WatchedBrand b : brands.values()) {
                out.printf("%-20s %-8s %-8s %s%n", b.id(), b.languages().isEmpty() ? "all" : String.join(",", b.languages()),
                        b.paused() ? "paused" : "active", b.query());
            }
            out.println(brands.size() + " brand(s)");
            return 0;
        }
    }
}
