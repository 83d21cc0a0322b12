/// Lengths and commas of text as a browser lays it out (whitespace runs as one space).
enum TextFigures {
    static func measure(_ text: String) -> (length: Int, commas: Int) {
        var length = 0, commas = 0
        var copy = text
        copy.withUTF8 { bytes in
            var pendingSpace = false
            var i = 0
            let n = bytes.count
            while i < n {
                if i + 8 <= n {
                    let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    if word & highs == 0 {
                        Self.measure(asciiWord: word, length: &length, commas: &commas, pendingSpace: &pendingSpace)
                        i += 8
                        continue
                    }
                }
                let byte = bytes[i]
                if byte < 0x80 {
                    if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { pendingSpace = length > 0; i += 1; continue }
                    if pendingSpace { length += 1; pendingSpace = false }
                    length += 1
                    if byte == 0x2C { commas += 1 }
                    i += 1
                    continue
                }
                if byte & 0xC0 == 0x80 {  // a continuation byte
                    // A no-break space: its lead byte was counted as a character.
                    if byte == 0xA0 && i > 0 && bytes[i - 1] == 0xC2 { length -= 1; pendingSpace = length > 0 }
                    i += 1
                    continue
                }
                if pendingSpace { length += 1; pendingSpace = false }
                length += 1
                // Full-width, ideographic and Arabic commas: EF BC 8C, E3 80 81, D8 8C.
                if (byte == 0xEF && i + 2 < n && bytes[i + 1] == 0xBC && bytes[i + 2] == 0x8C)
                    || (byte == 0xE3 && i + 2 < n && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x81)
                    || (byte == 0xD8 && i + 1 < n && bytes[i + 1] == 0x8C) { commas += 1 }
                i += 1
            }
        }
        return (length, commas)
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// For each byte of an ASCII word, its high bit set when the byte is at least `n` (at most 0x80).
    @inline(__always) private static func atLeast(_ word: UInt64, _ n: UInt64) -> UInt64 {
        ((word | highs) &- ones &* n) & highs
    }

    /// The step of `measure` for eight ASCII bytes at once: characters are the
    /// bytes that are not whitespace, plus one for each whitespace run before
    /// one of them once a character has been counted.
    @inline(__always) private static func measure(asciiWord word: UInt64, length: inout Int, commas: inout Int, pendingSpace: inout Bool) {
        let control = atLeast(word, 0x09) & ~atLeast(word, 0x0E)
        let space = atLeast(word, 0x20) & ~atLeast(word, 0x21)
        let comma = atLeast(word, 0x2C) & ~atLeast(word, 0x2D)
        let white = (control | space) & highs
        let shown = ~white & highs
        // Shown bytes right after whitespace (or after the pending space before this word).
        var gaps = shown & ((white << 8) | (pendingSpace ? 0x80 : 0))
        if length == 0 && shown != 0 {
            // The first character of the text: whitespace before it is not a gap.
            gaps &= ~(shown & (0 &- shown))
        }
        length += shown.nonzeroBitCount + gaps.nonzeroBitCount
        commas += comma.nonzeroBitCount
        pendingSpace = white >> 63 == 1 ? length > 0 : false
    }
}
