/**
 * The one YAML configuration file. {@link io.vigie.runtime.config.ConfigDocument} reads it and remembers the
 * line of each key; each stage binds its own section into its own records and validates it at start, so an
 * error names the key and the line.
 */
package io.vigie.runtime.config;
