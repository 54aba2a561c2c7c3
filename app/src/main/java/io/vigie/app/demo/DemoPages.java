package io.vigie.app.demo;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** The demo's HTML pages (sites' item pages, inbox, chat), rendered by Pebble with HTML autoescaping. */
final class DemoPages {
    private final PebbleEngine engine;

    DemoPages() {
        ClasspathLoader loader = new ClasspathLoader();
        loader.setPrefix("io/vigie/app/demo/pages");
        loader.setSuffix(".peb");
        engine = new PebbleEngine.Builder().loader(loader).autoEscaping(true).strictVariables(false).build();
    }

    String render(String template, Map<String, Object> model) {
        StringWriter out = new StringWriter();
        try {
            engine.getTemplate(template).evaluate(out, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
