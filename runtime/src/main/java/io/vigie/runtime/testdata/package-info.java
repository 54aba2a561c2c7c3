/** Where the tests of every module find the repository's {@code testdata/} sets (see testdata/README.md). */
package io.vigie.runtime.testdata;
