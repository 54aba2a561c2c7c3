package io.vigie.dashboards.web.i18n;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What templates call: {@code t('key', arg...)} for a message in the request's language, {@code instant | when}
 * for a date-time in the user's zone and language, {@code n | num} for a number with the language's separators.
 * The request's zone travels in the template context as {@code prefs}.
 */
public final class TemplateFunctions extends AbstractExtension {
    @Override
    public Map<String, Function> getFunctions() {
        return Map.of("t", new Translate());
    }

    @Override
    public Map<String, Filter> getFilters() {
        return Map.of("when", new When(), "num", new Num());
    }

    private static Locale locale(EvaluationContext context) {
        return context.getLocale() == null ? Locale.ENGLISH : context.getLocale();
    }

    private static final class Translate implements Function {
        @Override
        public List<String> getArgumentNames() {
            return null;
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
            String key = String.valueOf(args.get("0"));
            List<Object> rest = new ArrayList<>();
            for (int i = 1; args.containsKey(String.valueOf(i)); i++) {
                rest.add(args.get(String.valueOf(i)));
            }
            return Messages.get(locale(context), key, rest.toArray());
        }
    }

    private static final class When implements Filter {
        @Override
        public List<String> getArgumentNames() {
            return List.of("style");
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
            if (!(input instanceof Instant instant)) {
                return input == null ? "" : input;
            }
            Object prefs = context.getVariable("prefs");
            ZoneId zone = prefs instanceof UserPreferences p ? p.zone() : ZoneId.of("UTC");
            String style = args.get("style") == null ? "medium" : args.get("style").toString();
            DateTimeFormatter f = switch (style) {
                case "short" -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT);
                case "time" -> DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM);
                default -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM);
            };
            return f.withLocale(locale(context)).withZone(zone).format(instant);
        }
    }

    private static final class Num implements Filter {
        @Override
        public List<String> getArgumentNames() {
            return null;
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
            if (!(input instanceof Number n)) {
                return input == null ? "" : input;
            }
            NumberFormat f = NumberFormat.getNumberInstance(locale(context));
            f.setMaximumFractionDigits(1);
            return f.format(n);
        }
    }
}
