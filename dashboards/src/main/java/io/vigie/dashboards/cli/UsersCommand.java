package io.vigie.dashboards.cli;

import io.vigie.dashboards.web.auth.ApiTokens;
import io.vigie.dashboards.web.auth.Passwords;
import io.vigie.dashboards.web.auth.Role;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigie users}: makes the password hashes and API tokens {@code dashboards.users}/{@code apiTokens} hold. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Dashboards accounts: password hashes and API tokens.",
        subcommands = {UsersCommand.Hash.class, UsersCommand.Token.class})
public final class UsersCommand {

    @Command(name = "hash", mixinStandardHelpOptions = true,
            description = "Reads a password (typed without echo, or one line of standard input) and prints its bcrypt "
                    + "hash for dashboards.users[].passwordHash.")
    static final class Hash implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--cost", defaultValue = "" + Passwords.COST, description = "bcrypt cost (log2 rounds), default ${DEFAULT-VALUE}.")
        int cost;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            String password;
            Console console = System.console();
            if (console != null) {
                char[] typed = console.readPassword("password: ");
                password = typed == null ? null : new String(typed);
            } else {
                password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
            if (password == null || password.isEmpty()) {
                spec.commandLine().getErr().println("vigie users hash: no password given");
                return 2;
            }
            out.println(new Passwords(cost).hash(password));
            out.flush();
            return 0;
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "Makes an API token for a script: prints the token (give it to the script, shown once) and "
                    + "the configuration entry with its SHA-256.")
    static final class Token implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--name", required = true, description = "What the token is for, e.g. reporting-script.")
        String name;

        @Option(names = "--role", defaultValue = "viewer", description = "viewer, responder or admin; default ${DEFAULT-VALUE}.")
        String role;

        @Override
        public Integer call() {
            Role.named(role);
            String token = ApiTokens.newToken();
            PrintWriter out = spec.commandLine().getOut();
            out.println("token: " + token);
            out.println("# in vigie.yml, under dashboards.apiTokens:");
            out.println("- {name: " + name + ", role: " + role + ", sha256: " + ApiTokens.sha256(token) + "}");
            out.flush();
            return 0;
        }
    }
}
