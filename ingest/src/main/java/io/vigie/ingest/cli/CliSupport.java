package io.vigie.ingest.cli;

import io.vigie.ingest.IngestConfig;
import io.vigie.runtime.config.ConfigDocument;
import io.vigie.runtime.connect.KafkaConnection;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/** What the ingest commands share: finding Kafka and reading the configuration file. */
final class CliSupport {
    private CliSupport() {}

    /** {@code --bootstrap-servers} when given, else the {@code kafka:} section of {@code --config}. */
    static KafkaConnection kafka(Path config, String bootstrapServers, CommandLine.Model.CommandSpec spec) {
        if (bootstrapServers != null && !bootstrapServers.isBlank()) {
            return KafkaConnection.plaintext(bootstrapServers.trim());
        }
        if (config == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "say where Kafka is: --bootstrap-servers "
                    + "<host:port> (a running vigie local prints it in its ready line) or --config <vigie.yml>");
        }
        return ConfigDocument.read(config).bind("kafka", KafkaConnection.class);
    }

    /** The ingest section, or one built from the command line when no file is given (for {@code try}). */
    static IngestConfig ingest(Path config, String contactUrl, List<String> allowRanges) {
        if (config != null) {
            IngestConfig c = IngestConfig.bind(ConfigDocument.read(config));
            if (allowRanges.isEmpty() && contactUrl == null) {
                return c;
            }
            return with(c, contactUrl != null ? contactUrl : c.contactUrl(), allowRanges.isEmpty() ? c.allowedPrivateRanges() : allowRanges);
        }
        String contact = contactUrl != null ? contactUrl : System.getenv("VIGIE_CONTACT_URL");
        if (contact == null || contact.isBlank()) {
            throw new IllegalArgumentException("give --config <vigie.yml> or --contact-url <url>: Vigie's User-Agent "
                    + "names a contact URL on every request (or set VIGIE_CONTACT_URL)");
        }
        return with(IngestConfig.DEFAULTS, contact, allowRanges);
    }

    static IngestConfig with(IngestConfig c, String contact, List<String> ranges) {
        IngestConfig out = new IngestConfig(contact, ranges, c.minHostDelayMillis(), c.maxBackoffSeconds(),
                c.connectTimeoutMillis(), c.readTimeoutMillis(), c.maxResponseBytes(), c.maxRedirects(), c.fetchThreads(),
                c.obeyRobots(), c.defaultMinPollSeconds(), c.defaultMaxPollSeconds(), c.signalPollSeconds(),
                c.seenLimitPerFeed(), c.transactionTimeoutMillis(), c.sources(), c.push(), c.crawlRules(), c.defaultMaxPages(),
                c.retireAfterDays(), c.sitemapHorizonDays(), c.sitemapMaxEntries());
        out.validate(ConfigDocument.parse("{}", "command line", k -> null));
        return out;
    }
}
