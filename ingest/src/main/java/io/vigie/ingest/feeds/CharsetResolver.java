package io.vigie.ingest.feeds;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes feed bytes the way the feed world does (RFC 3023 as feed readers apply it): an HTTP charset wins;
 * {@code application/*xml} without one falls back to the XML declaration, then the byte-order mark, then UTF-8;
 * {@code text/*xml} without one means US-ASCII; a type that is not XML is read but flagged. When the chosen
 * encoding cannot decode the bytes, the next candidate is tried and the result is flagged as recovered.
 */
public final class CharsetResolver {
    private static final Pattern XML_DECLARATION_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:\\-]+)[\"']");
    private static final Pattern CHARSET_PARAMETER =
            Pattern.compile("(?i);\\s*charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:\\-]+)");

    /** The decoded text, the encoding name reported (lower case) and why the input was judged ill-formed. */
    public record Decoded(String text, String encoding, String problem) {}

    private CharsetResolver() {}

    public static Decoded decode(byte[] bytes, String contentType) {
        String mediaType = mediaType(contentType);
        String httpCharset = httpCharset(contentType);
        Sniffed sniffed = sniff(bytes);
        String problem = null;

        boolean applicationXml = mediaType != null && mediaType.startsWith("application/")
                && (mediaType.endsWith("xml") || mediaType.endsWith("xml-dtd")
                        || mediaType.endsWith("xml-external-parsed-entity"));
        boolean textXml = mediaType != null && mediaType.startsWith("text/")
                && (mediaType.endsWith("xml") || mediaType.endsWith("xml-external-parsed-entity"));
        if (mediaType != null && !applicationXml && !textXml) {
            problem = "served as " + mediaType + ", which is not an XML media type";
        }

        String declared;
        if (httpCharset != null) {
            declared = httpCharset;
        } else if (textXml) {
            declared = "us-ascii";
        } else if (sniffed.declared() != null) {
            declared = sniffed.declared();
        } else if (sniffed.bomOrPattern() != null) {
            declared = sniffed.bomOrPattern();
        } else {
            declared = "utf-8";
        }
        // A byte-order mark is unambiguous: it outranks a declaration that contradicts it.
        if (sniffed.bom() != null && !sameCharset(declared, sniffed.bom())) {
            if (!(sniffed.bom().startsWith("utf-16") && declared.startsWith("utf-16"))
                    && !(sniffed.bom().startsWith("utf-32") && declared.startsWith("utf-32"))) {
                problem = problem == null ? "byte-order mark " + sniffed.bom() + " contradicts " + declared : problem;
                declared = sniffed.bom();
            }
        }

        String[] candidates = {declared, sniffed.declared(), sniffed.bomOrPattern(), "utf-8", "windows-1252"};
        for (String candidate : candidates) {
            if (candidate == null) {
                continue;
            }
            Charset charset = charsetFor(candidate);
            if (charset == null) {
                problem = problem == null ? "unknown encoding " + candidate : problem;
                continue;
            }
            String text = strictDecode(bytes, charset, sniffed.bomLength());
            if (text != null) {
                if (candidate != declared && problem == null) {
                    problem = "the bytes are not valid " + declared + "; read as " + reportedName(candidate);
                }
                return new Decoded(text, reportedName(candidate), problem);
            }
            if (problem == null) {
                problem = "the bytes are not valid " + candidate;
            }
        }
        // windows-1252 decodes any byte sequence; this line is reached only if the JDK lacks it.
        return new Decoded(new String(bytes, StandardCharsets.ISO_8859_1), "iso-8859-1", problem);
    }

    static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.isEmpty() ? null : type;
    }

    static String httpCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET_PARAMETER.matcher(contentType);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    private record Sniffed(String bom, int bomLength, String bomOrPattern, String declared) {}

    private static Sniffed sniff(byte[] b) {
        String bom = null;
        int bomLength = 0;
        String pattern = null;
        if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
            bom = "utf-32be";
            bomLength = 4;
        } else if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
            bom = "utf-32le";
            bomLength = 4;
        } else if (startsWith(b, 0xFE, 0xFF)) {
            bom = "utf-16be";
            bomLength = 2;
        } else if (startsWith(b, 0xFF, 0xFE)) {
            bom = "utf-16le";
            bomLength = 2;
        } else if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            bom = "utf-8";
            bomLength = 3;
        } else if (startsWith(b, 0x00, 0x00, 0x00, 0x3C)) {
            pattern = "utf-32be";
        } else if (startsWith(b, 0x3C, 0x00, 0x00, 0x00)) {
            pattern = "utf-32le";
        } else if (startsWith(b, 0x00, 0x3C, 0x00, 0x3F)) {
            pattern = "utf-16be";
        } else if (startsWith(b, 0x3C, 0x00, 0x3F, 0x00)) {
            pattern = "utf-16le";
        }
        String detected = bom != null ? bom : pattern;
        // Read the declaration in the detected encoding (or as ASCII), to learn the declared encoding.
        Charset headCharset = detected == null ? StandardCharsets.ISO_8859_1 : charsetFor(detected);
        int headLength = Math.min(b.length - bomLength, 512);
        String head = headLength <= 0 ? "" : new String(b, bomLength, headLength, headCharset);
        Matcher m = XML_DECLARATION_ENCODING.matcher(head.stripLeading());
        String declared = m.find() ? reportedName(m.group(1)) : null;
        if (declared != null && detected != null && (declared.startsWith("utf-16") || declared.startsWith("utf-32")
                || declared.equals("ucs-2") || declared.equals("ucs-4"))) {
            declared = detected; // "utf-16" without endianness: the bytes say which
        }
        if (declared != null && detected != null && !declared.startsWith("utf") && !declared.startsWith("ucs")) {
            declared = detected; // a UTF-16/32 document cannot be in an ASCII-compatible encoding
        }
        return new Sniffed(bom, bomLength, detected, declared);
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String strictDecode(byte[] bytes, Charset charset, int bomLength) {
        int skip = bomLength;
        try {
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * The decoder for an encoding label. As browsers do (WHATWG Encoding), ISO-8859-1 is read as windows-1252 and
     * GB2312 as its superset GB18030, because feeds labelled so routinely contain the wider repertoire.
     */
    static Charset charsetFor(String label) {
        String name = reportedName(label);
        try {
            if (name.equals("iso-8859-1")) {
                return Charset.forName("windows-1252");
            }
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String reportedName(String label) {
        String l = label.toLowerCase(Locale.ROOT).strip().replace('_', '-');
        if (l.matches("utf(8|16|32)(be|le)?|ucs(2|4)")) {
            l = l.replaceFirst("^(utf|ucs)", "$1-").replaceFirst("(be|le)$", "-$1").replace("--", "-");
            l = l.replace("-be", "be").replace("-le", "le");
        }
        return switch (l) {
            case "gb2312", "gbk", "x-gbk", "gb_2312-80" -> "gb18030";
            case "latin1", "latin-1", "iso8859-1", "iso_8859-1", "l1" -> "iso-8859-1";
            case "utf8" -> "utf-8";
            case "ascii" -> "us-ascii";
            case "ucs-2", "utf-16" -> "utf-16";
            case "ucs-4", "utf-32" -> "utf-32";
            default -> l;
        };
    }

    private static boolean sameCharset(String a, String b) {
        Charset ca = charsetFor(a);
        Charset cb = charsetFor(b);
        return ca != null && ca.equals(cb);
    }

}
