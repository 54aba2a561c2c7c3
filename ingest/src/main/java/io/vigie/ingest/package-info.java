/** The ingest stage. See the module README. */
package io.vigie.ingest;
