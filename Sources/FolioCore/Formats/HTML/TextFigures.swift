/// Lengths and commas of text as a browser lays it out (whitespace runs as one space).
enum TextFigures {
    static func measure(_ text: String) -> (length: Int, commas: Int) {
        var length = 0, commas = 0
        var nonASCII = false
        var copy = text
        copy.withUTF8 { bytes in
            var pendingSpace = false
            var previous: UInt8 = 0
            for byte in bytes {
                defer { previous = byte }
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { pendingSpace = length > 0; continue }
                if byte & 0xC0 == 0x80 {  // a continuation byte
                    // A no-break space: its lead byte was counted as a character.
                    if byte == 0xA0 && previous == 0xC2 { length -= 1; pendingSpace = length > 0 }
                    continue
                }
                if byte >= 0x80 { nonASCII = true }
                if pendingSpace { length += 1; pendingSpace = false }
                length += 1
                if byte == 0x2C { commas += 1 }
            }
        }
        if nonASCII {  // full-width, ideographic and Arabic commas
            for scalar in text.unicodeScalars where scalar == "\u{FF0C}" || scalar == "\u{3001}" || scalar == "\u{060C}" { commas += 1 }
        }
        return (length, commas)
    }
}
