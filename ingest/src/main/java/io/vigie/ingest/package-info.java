/**
 * The ingest stage: reads feeds and video channels politely and publishes each mention exactly once to
 * {@code mentions.raw}. See the module README for the path of one mention and the packages involved.
 */
package io.vigie.ingest;
