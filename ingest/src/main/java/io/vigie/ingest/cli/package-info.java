/** The ingest commands of {@code vigie}: {@code sources add|pause|resume|rm|list|import|try} and {@code bench ingest}. */
package io.vigie.ingest.cli;
