/** The lifecycle every stage's long-running parts share. */
package io.vigie.runtime.service;
