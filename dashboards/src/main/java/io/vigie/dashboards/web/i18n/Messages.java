package io.vigie.dashboards.web.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every string a page shows, from {@code io/vigie/dashboards/web/messages_{en,fr}.properties} (UTF-8). A missing key
 * shows as {@code ??key??} so it is seen in a test or a screenshot, never silently blank.
 */
public final class Messages {
    public static final String BUNDLE = "io.vigie.dashboards.web.messages";

    private Messages() {}

    public static String get(Locale locale, String key, Object... args) {
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return "??" + key + "??";
        }
    }
}
