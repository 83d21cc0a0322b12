#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes HTML character references in text that did not go through an HTML
/// parser (Markdown, front matter). Numeric references to controls, surrogates,
/// NUL or past U+10FFFF become U+FFFD.
public enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "mdash": "—", "ndash": "–",
        "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»", "copy": "©",
        "reg": "®", "trade": "™", "deg": "°", "middot": "·", "bull": "•", "eacute": "é", "egrave": "è", "agrave": "à",
        "aacute": "á", "ouml": "ö", "uuml": "ü", "auml": "ä", "szlig": "ß", "ccedil": "ç", "ntilde": "ñ", "euro": "€",
        "pound": "£", "times": "×", "shy": "\u{00AD}", "thinsp": "\u{2009}", "ensp": "\u{2002}", "emsp": "\u{2003}",
    ]

    public static func decode(_ text: String) -> String {
        // Most text has no "&" byte at all, which settles it without Foundation's search.
        guard hasAmpersand(text), text.contains("&") else { return text }
        var result = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semi = after.prefix(12).firstIndex(of: ";") else {
                result += "&"
                rest = after
                continue
            }
            let name = after[..<semi]
            if let replacement = reference(name) {
                result += replacement
                rest = after[after.index(after: semi)...]
            } else {
                result += "&"
                rest = after
            }
        }
        return result + rest
    }

    /// Whether the UTF-8 bytes hold "&", found with memchr (a byte loop costs several
    /// instructions a byte on text that is nearly always without one).
    static func hasAmpersand(_ text: String) -> Bool {
        let found: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return false }
            return memchr(base, 0x26, bytes.count) != nil
        }
        return found ?? text.utf8.contains(0x26)
    }

    static func reference(_ name: Substring) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" { value = UInt32(digits.dropFirst(), radix: 16) } else { value = UInt32(digits) }
            guard let v = value else { return name.count > 1 ? "\u{FFFD}" : nil }
            return String(safeScalar(v))
        }
        return named[String(name)]
    }

    /// A code point from a numeric reference, or U+FFFD when it names a control,
    /// a surrogate, NUL or nothing at all.
    public static func safeScalar(_ value: UInt32) -> Character {
        if value == 0 || value < 0x20 && value != 0x09 && value != 0x0A || (0x7F...0x9F).contains(value) { return "\u{FFFD}" }
        guard let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
        return Character(scalar)
    }
}
