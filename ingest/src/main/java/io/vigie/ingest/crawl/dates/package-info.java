/**
 * Comment dates as pages show them, in French, English and German, absolute ("le 3 mars 2009 à 10:12",
 * "Mar 3, 2009") and relative ("il y a 3 heures", "Yesterday at 2:05 PM"), resolved in the site's time zone.
 */
package io.vigie.ingest.crawl.dates;
