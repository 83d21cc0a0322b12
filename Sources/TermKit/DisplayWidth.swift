/// Columns a string occupies in a terminal, measured per grapheme cluster.
///
/// A cluster is 2 columns when its base is East Asian Wide/Fullwidth or when it
/// is presented as an emoji; 0 when it holds only zero-width scalars (marks,
/// format characters, controls); 1 otherwise (ambiguous-width characters included).
public enum DisplayWidth {
    /// Columns of one grapheme cluster: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue {          // "\r\n" reports 0x0A
            return ascii >= 0x20 && ascii < 0x7F ? 1 : 0
        }
        var base: Unicode.Scalar?
        var variation16 = false, keycap = false, joiner = false
        var joinsEmoji = false, modifier = false
        for scalar in character.unicodeScalars {
            switch scalar.value {
            case 0xFE0F: variation16 = true
            case 0x20E3: keycap = true
            case 0x200D: joiner = true
            default:
                if base == nil {
                    if !isZeroWidth(scalar) { base = scalar }
                } else {
                    if (0x1F3FB...0x1F3FF).contains(scalar.value) { modifier = true }
                    if joiner && scalar.properties.isEmoji { joinsEmoji = true }
                }
            }
        }
        guard let base else { return 0 }
        let value = base.value
        if isWide(value) { return 2 }
        if value < 0x231A && !variation16 && !keycap && !joiner { return 1 }  // no emoji below U+231A

        let properties = base.properties
        if properties.isEmojiPresentation { return 2 }      // includes regional indicators (flags)
        if isKeycapBase(value) { return keycap ? 2 : 1 }     // "1", "1️" are text; "1️⃣" is a keycap
        if properties.isEmoji && (variation16 || joinsEmoji || (modifier && properties.isEmojiModifierBase)) {
            return 2
        }
        return 1
    }

    /// Sum over grapheme clusters.
    public static func of(_ text: some StringProtocol) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return clusters(text)
    }

    /// `of` for a String, compiled for Strings: the generic one, called from
    /// another module, looked its types up at run time (a search of every
    /// protocol conformance in the program the first time, ~0.2 M instructions).
    public static func of(_ text: String) -> Int {
        var text = text
        let ascii = text.withUTF8 { bytes in bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
        return ascii ? text.utf8.count : clusters(text)
    }

    private static func clusters(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Longest prefix that fits in `width` columns; if the text was cut and `ellipsis` is non-empty,
    /// the result ends with it and still fits. An ellipsis wider than `width` is left out.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        cut(text, to: width, ellipsis: ellipsis).text
    }

    /// Text truncated or right-padded with spaces to exactly `width` columns
    /// (a wide char that would straddle the edge is replaced by a space).
    public static func fit(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        let (result, used) = cut(text, to: width, ellipsis: ellipsis)
        guard used < width else { return result }
        return result + String(repeating: " ", count: width - used)
    }

    /// Truncation plus the width of the result.
    private static func cut(_ text: String, to width: Int, ellipsis: String) -> (text: String, width: Int) {
        guard width > 0 else { return ("", 0) }
        let ellipsisWidth = of(ellipsis)
        let useEllipsis = !ellipsis.isEmpty && ellipsisWidth <= width
        let budget = useEllipsis ? width - ellipsisWidth : width
        var used = 0
        var bytes = 0
        var keptBytes = 0, keptWidth = 0       // longest prefix within `budget`
        for character in text {
            used += of(character)
            bytes += character.utf8.count
            if used > width {
                let end = text.utf8.index(text.startIndex, offsetBy: keptBytes)
                let prefix = String(text[..<end])
                return useEllipsis ? (prefix + ellipsis, keptWidth + ellipsisWidth) : (prefix, keptWidth)
            }
            if used <= budget { keptBytes = bytes; keptWidth = used }
        }
        return (text, used)
    }

    /// Scalars that take no column on their own: controls, marks, format characters,
    /// line/paragraph separators and conjoining Hangul vowels/finals.
    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
        if value < 0x300 { return value == 0xAD }
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format, .lineSeparator, .paragraphSeparator:
            return true
        default:
            return false
        }
    }

    private static func isKeycapBase(_ value: UInt32) -> Bool {
        (0x30...0x39).contains(value) || value == 0x23 || value == 0x2A
    }

    /// East Asian Wide (W) or Fullwidth (F), per the Unicode 16 EastAsianWidth data.
    /// Emoji-presentation ranges are left out: they are found through `isEmojiPresentation`.
    static func isWide(_ value: UInt32) -> Bool {
        guard value >= 0x1100 else { return false }
        var low = 0, high = wideRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = wideRanges[mid]
            if value < range.first { high = mid - 1 } else if value > range.last { low = mid + 1 } else { return true }
        }
        return false
    }

    private static let wideRanges: [(first: UInt32, last: UInt32)] = [
        (0x1100, 0x115F),   // Hangul Jamo leading consonants
        (0x2329, 0x232A),   // angle brackets
        (0x2630, 0x2637),   // Yijing trigrams
        (0x268A, 0x268F),   // Yijing monograms/digrams
        (0x2E80, 0x2E99), (0x2E9B, 0x2EF3),  // CJK radicals supplement
        (0x2F00, 0x2FD5),   // Kangxi radicals
        (0x2FF0, 0x2FFF),   // ideographic description characters
        (0x3000, 0x303E),   // CJK symbols and punctuation
        (0x3041, 0x3096),   // Hiragana
        (0x3099, 0x30FF),   // kana marks, Katakana
        (0x3105, 0x312F),   // Bopomofo
        (0x3131, 0x318E),   // Hangul compatibility Jamo
        (0x3190, 0x31E5),   // Kanbun, Bopomofo extended, CJK strokes
        (0x31EF, 0x321E),   // Katakana extensions, enclosed CJK
        (0x3220, 0x3247),
        (0x3250, 0xA48C),   // enclosed CJK .. CJK ext A, hexagrams, unified ideographs, Yi
        (0xA490, 0xA4C6),   // Yi radicals
        (0xA960, 0xA97C),   // Hangul Jamo extended A
        (0xAC00, 0xD7A3),   // Hangul syllables
        (0xF900, 0xFAFF),   // CJK compatibility ideographs
        (0xFE10, 0xFE19),   // vertical forms
        (0xFE30, 0xFE52), (0xFE54, 0xFE66), (0xFE68, 0xFE6B),  // compatibility and small forms
        (0xFF01, 0xFF60),   // fullwidth forms
        (0xFFE0, 0xFFE6),   // fullwidth signs
        (0x16FE0, 0x16FE4), (0x16FF0, 0x16FF1),  // ideographic symbols
        (0x17000, 0x187F7), (0x18800, 0x18CD5), (0x18CFF, 0x18D08),  // Tangut, Khitan
        (0x1AFF0, 0x1AFF3), (0x1AFF5, 0x1AFFB), (0x1AFFD, 0x1AFFE),  // Kana extended B
        (0x1B000, 0x1B122), (0x1B132, 0x1B132), (0x1B150, 0x1B152),  // Kana supplement, small kana
        (0x1B155, 0x1B155), (0x1B164, 0x1B167), (0x1B170, 0x1B2FB),  // Nushu
        (0x1D300, 0x1D356), (0x1D360, 0x1D376),  // Tai Xuan Jing, counting rods
        (0x1F200, 0x1F202), (0x1F210, 0x1F23B), (0x1F240, 0x1F248),  // enclosed ideographic supplement
        (0x1F250, 0x1F251), (0x1F260, 0x1F265),
        (0x20000, 0x2FFFD), (0x30000, 0x3FFFD),  // CJK extensions B.., planes 2 and 3
    ]
}
