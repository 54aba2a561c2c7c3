/** The dashboards' {@code vigie} subcommands: {@code users hash}, {@code users token}, {@code bench dashboards}. */
package io.vigie.dashboards.cli;
