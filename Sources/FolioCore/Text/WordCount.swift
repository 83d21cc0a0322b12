/// Counts words for reading time. Runs of letters or digits are words; in
/// scripts written without spaces (CJK), two characters count as one word,
/// which gives reading times close to those of native readers.
public enum WordCount {
    public static func count(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { count(utf8: $0) }
    }

    /// The same count over UTF-8 bytes; ASCII is classified without Unicode
    /// property look-ups, so long texts count quickly.
    static func count(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var counter = Counter()
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if Counter.isWordByte(b) {
                    // The rest of an ASCII word: letters, digits, apostrophes and hyphens neither start nor end one.
                    counter.add(ascii: b)
                    i += 1
                    while i < n {
                        let c = bytes[i]
                        if c &- 0x61 < 26 || Counter.isWordByte(c) || c == 0x27 || c == 0x2D { i += 1 } else { break }
                    }
                    continue
                }
                counter.add(ascii: b)
                i += 1
                continue
            }
            let (value, length) = decode(bytes, at: i)
            i += length
            let scalar = Unicode.Scalar(value)
            let ideographic = scalar.map(isIdeographic) ?? false
            let alphabetic = !ideographic && !isGeneralPunctuation(value) && (scalar?.properties.isAlphabetic ?? false)
            counter.add(value, ideographic: ideographic, alphabetic: alphabetic)
        }
        return counter.count
    }

    /// The counting, a scalar at a time, for loops that classify scalars themselves.
    struct Counter {
        private var words = 0, ideographs = 0
        private var inWord = false

        var count: Int { words + (ideographs + 1) / 2 }

        /// An ASCII letter or digit.
        @inline(__always)
        static func isWordByte(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 }

        /// Letters and digits make words; apostrophes and hyphens do not end them.
        @inline(__always)
        mutating func add(ascii b: UInt8) {
            if Self.isWordByte(b) {
                if !inWord { words += 1; inWord = true }
            } else if b != 0x27 && b != 0x2D {
                inWord = false
            }
        }

        /// A scalar past ASCII, with whether it is ideographic and whether it is alphabetic.
        @inline(__always)
        mutating func add(_ value: UInt32, ideographic: Bool, alphabetic: Bool) {
            if ideographic {
                ideographs += 1
                inWord = false
            } else if value == 0x2019 {  // ’ inside a word
                return
            } else if alphabetic {
                if !inWord { words += 1; inWord = true }
            } else {
                inWord = false
            }
        }
    }

    /// Decodes one scalar of valid UTF-8 (Swift strings always are) at `i`.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b = UInt32(bytes[i])
        let n = bytes.count
        if b < 0x80 { return (b, 1) }
        if b < 0xE0, i + 1 < n { return ((b & 0x1F) << 6 | UInt32(bytes[i + 1]) & 0x3F, 2) }
        if b < 0xF0, i + 2 < n { return ((b & 0x0F) << 12 | (UInt32(bytes[i + 1]) & 0x3F) << 6 | UInt32(bytes[i + 2]) & 0x3F, 3) }
        if i + 3 < n {
            return ((b & 0x07) << 18 | (UInt32(bytes[i + 1]) & 0x3F) << 12 | (UInt32(bytes[i + 2]) & 0x3F) << 6 | UInt32(bytes[i + 3]) & 0x3F, 4)
        }
        return (0xFFFD, 1)
    }

    /// U+2000–U+206F (spaces, dashes, quotation marks, ellipsis): no letters, so no property look-up is needed.
    @inline(__always)
    static func isGeneralPunctuation(_ value: UInt32) -> Bool { value >= 0x2000 && value <= 0x206F }

    static func isIdeographic(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xAC00...0xD7AF, 0x20000...0x2FFFF: return true
        default: return false
        }
    }
}
