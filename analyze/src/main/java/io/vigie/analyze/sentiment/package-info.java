/** Language detection and brand-targeted sentiment of a mention (models shipped by the sentiment part). */
package io.vigie.analyze.sentiment;
