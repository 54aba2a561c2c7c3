/** The language part of the {@code vigie} command: {@code eval language}. */
package io.vigie.analyze.language.cli;
