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
}
