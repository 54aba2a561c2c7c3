package io.vigie.ingest.feeds;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Turns HTML from a feed into HTML safe to show on a dashboard: jsoup's {@link Cleaner} with a {@link Safelist}
 * of harmless elements and attributes (the presentational HTML feeds really use, as feed readers accept it), then
 * two passes jsoup's Safelist cannot express: every URL-valued attribute on any element is made absolute against
 * the item's base and emptied unless its scheme is harmless, and {@code style} keeps only a small set of CSS
 * properties with plain values. No script, no event handler, no {@code javascript:} URL survives.
 */
public final class HtmlSanitizer {

    private static final String[] ELEMENTS = {
        "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "big", "blockquote", "br",
        "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup", "command", "datagrid",
        "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "event-source",
        "fieldset", "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "i", "img", "input", "ins", "kbd", "keygen", "label", "legend", "li", "m", "map", "menu", "meter",
        "multicol", "nav", "nextid", "ol", "optgroup", "option", "output", "p", "pre", "progress", "q",
        "rp", "rt", "ruby", "s", "samp", "section", "select", "small", "sound", "source", "spacer", "span",
        "strike", "strong", "sub", "sup", "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "time", "tr",
        "tt", "u", "ul", "var", "video"
    };

    private static final String[] ATTRIBUTES = {
        "abbr", "accept", "accept-charset", "accesskey", "action", "align", "alt", "autocomplete", "autofocus",
        "axis", "background", "balance", "bgcolor", "bgproperties", "border", "bordercolor", "bordercolordark",
        "bordercolorlight", "bottompadding", "cellpadding", "cellspacing", "ch", "challenge", "char", "charoff",
        "charset", "checked", "choff", "cite", "class", "clear", "color", "cols", "colspan", "compact",
        "contenteditable", "controls", "coords", "data", "datafld", "datapagesize", "datasrc", "datetime",
        "default", "delay", "dir", "disabled", "draggable", "dynsrc", "enctype", "end", "face", "for", "form",
        "frame", "galleryimg", "gutter", "headers", "height", "hidden", "hidefocus", "high", "href", "hreflang",
        "hspace", "icon", "id", "inputmode", "ismap", "keytype", "label", "lang", "leftspacing", "list", "longdesc",
        "loop", "loopcount", "loopend", "loopstart", "low", "lowsrc", "max", "maxlength", "media", "method", "min",
        "multiple", "name", "nohref", "noshade", "nowrap", "open", "optimum", "pattern", "ping", "point-size",
        "poster", "pqg", "preload", "prompt", "radiogroup", "readonly", "rel", "repeat-max", "repeat-min",
        "replace", "required", "rev", "rightspacing", "rows", "rowspan", "rules", "scope", "selected", "shape",
        "size", "span", "src", "start", "step", "style", "summary", "suppress", "tabindex", "target", "template",
        "title", "toppadding", "type", "unselectable", "urn", "usemap", "valign", "value", "variable", "volume",
        "vrml", "vspace", "width", "wrap", "xml:lang"
    };

    /** Attributes whose value is a URL, whatever element carries them. */
    private static final Set<String> URL_ATTRIBUTES = Set.of(
            "action", "background", "cite", "data", "datasrc", "dynsrc", "href", "icon", "longdesc", "lowsrc",
            "ping", "poster", "src", "usemap", "urn", "vrml");

    private static final Set<String> SAFE_SCHEMES = Set.of(
            "http", "https", "ftp", "ftps", "mailto", "news", "nntp", "irc", "ircs", "feed", "gopher", "magnet",
            "tel", "xmpp", "sip", "sips", "rtsp", "mms", "aim", "callto", "webcal", "urn", "tag", "git", "svn");

    private static final Set<String> CSS_PROPERTIES = Set.of(
            "azimuth", "background-color", "border-bottom-color", "border-collapse", "border-color",
            "border-left-color", "border-right-color", "border-top-color", "clear", "color", "cursor", "direction",
            "display", "elevation", "float", "font", "font-family", "font-size", "font-style", "font-variant",
            "font-weight", "height", "letter-spacing", "line-height", "overflow", "pause", "pause-after",
            "pause-before", "pitch", "pitch-range", "richness", "speak", "speak-header", "speak-numeral",
            "speak-punctuation", "speech-rate", "stress", "text-align", "text-decoration", "text-indent",
            "unicode-bidi", "vertical-align", "voice-family", "volume", "white-space", "width");

    /** Shorthands whose every word must be a plain keyword, colour or size. */
    private static final Set<String> CSS_SHORTHANDS = Set.of("background", "border", "margin", "padding");

    private static final Set<String> CSS_KEYWORDS = Set.of(
            "!important", "aqua", "auto", "black", "block", "blue", "bold", "both", "bottom", "brown", "center",
            "collapse", "dashed", "dotted", "fuchsia", "gray", "green", "italic", "left", "lime", "maroon", "medium",
            "navy", "none", "normal", "nowrap", "olive", "pointer", "purple", "red", "right", "silver", "solid",
            "teal", "top", "transparent", "underline", "white", "yellow");

    private static final Pattern CSS_PLAIN_VALUE =
            Pattern.compile("^(#[0-9a-f]+|rgb\\(\\d+%?,\\d*%?,?\\d*%?\\)?|\\d{0,2}\\.?\\d{0,2}(cm|em|ex|in|mm|pc|pt|px|%|,|\\))?)$");
    private static final Pattern CSS_DECLARATION = Pattern.compile("^\\s*([-\\w]+)\\s*:\\s*([^:;]*)(;\\s*|$)");
    private static final Pattern CSS_ALLOWED_CHARACTERS = Pattern.compile("^([:,;#%.\\sa-zA-Z0-9!]|\\w-\\w|'[\\s\\w]+'|\"[\\s\\w]+\"|\\([\\d,\\s]+\\))*$");

    private final Safelist safelist;

    public HtmlSanitizer() {
        Safelist s = new Safelist();
        s.addTags(ELEMENTS);
        for (String element : ELEMENTS) {
            s.addAttributes(element, ATTRIBUTES);
        }
        this.safelist = s;
    }

    /**
     * Sanitises an HTML fragment.
     *
     * @param base the URI relative links are resolved against (xml:base, the item or feed URL), or null
     */
    public String sanitize(String html, String base) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        Document dirty = Jsoup.parseBodyFragment(html, base == null ? "" : base);
        Document clean = new Cleaner(safelist).clean(dirty);
        for (Element element : clean.body().getAllElements()) {
            List<String> remove = new ArrayList<>();
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                if (key.startsWith("on")) {
                    remove.add(attribute.getKey());
                } else if (URL_ATTRIBUTES.contains(key)) {
                    attribute.setValue(safeUrl(attribute.getValue(), base));
                } else if (key.equals("style")) {
                    String css = safeCss(attribute.getValue());
                    if (css.isEmpty()) {
                        remove.add(attribute.getKey());
                    } else {
                        attribute.setValue(css);
                    }
                }
            }
            remove.forEach(element::removeAttr);
        }
        clean.outputSettings()
                .prettyPrint(false)
                .syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml)
                .charset("UTF-8");
        return clean.body().html();
    }

    /** The URL made absolute against the base, or "" when its scheme could run code or is unknown. */
    static String safeUrl(String value, String base) {
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            return "";
        }
        String resolved = trimmed;
        try {
            URI uri = new URI(trimmed.replace(" ", "%20"));
            if (!uri.isAbsolute() && base != null && !base.isBlank()) {
                resolved = new URI(base.strip().replace(" ", "%20")).resolve(uri).toString();
            }
        } catch (Exception e) {
            // Not a parseable URI: judge the raw text by its scheme below.
        }
        String compact = resolved.replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
        int colon = compact.indexOf(':');
        int firstSeparator = indexOfAny(compact, "/?#");
        if (colon < 0 || (firstSeparator >= 0 && firstSeparator < colon)) {
            return resolved; // relative and no base to resolve it: harmless
        }
        String scheme = compact.substring(0, colon);
        return SAFE_SCHEMES.contains(scheme) ? resolved : "";
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Keeps the declarations whose property is presentational and whose value is plain. */
    static String safeCss(String style) {
        String css = style.replaceAll("url\\s*\\(\\s*[^\\s)]+?\\s*\\)\\s*", " ");
        if (!CSS_ALLOWED_CHARACTERS.matcher(css).matches()) {
            return "";
        }
        if (!Pattern.compile("^\\s*([-\\w]+\\s*:[^:;]*(;\\s*|$))*$").matcher(css).matches()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        String rest = css;
        while (!rest.isBlank()) {
            var m = CSS_DECLARATION.matcher(rest);
            if (!m.find()) {
                break;
            }
            rest = rest.substring(m.end());
            String property = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(2);
            if (value.isBlank()) {
                continue;
            }
            if (CSS_PROPERTIES.contains(property)) {
                kept.add(property + ": " + value + ";");
            } else if (CSS_SHORTHANDS.contains(property.split("-")[0])) {
                boolean plain = true;
                for (String word : value.strip().split("\\s+")) {
                    if (!CSS_KEYWORDS.contains(word.toLowerCase(Locale.ROOT))
                            && !CSS_PLAIN_VALUE.matcher(word.toLowerCase(Locale.ROOT)).matches()) {
                        plain = false;
                        break;
                    }
                }
                if (plain) {
                    kept.add(property + ": " + value + ";");
                }
            }
        }
        return String.join(" ", kept);
    }
}
