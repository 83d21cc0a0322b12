/// libxml2 drops control characters from HTML text, but not what follows
/// them: a raw `ESC ]52;c;…BEL` would reach the article as the visible text
/// "]52;c;…", which the terminal sanitizer no longer recognises as a sequence
/// to remove whole. So before parsing, each control byte (C0 but tab, line
/// feed, form feed and carriage return; and DEL) is stood in for by a
/// private-use character, and put back in the text the parser returns; the
/// sanitizer then removes the whole escape sequence when it is shown.
enum ControlShield {
    /// U+F700 + the control's value: a private-use block libxml2 passes through.
    static let base: UInt32 = 0xF700

    static func isShielded(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D) || byte == 0x7F
    }

    /// `bytes` (UTF-8) with its controls stood in for; nil when it has none.
    static func shield(_ bytes: [UInt8]) -> [UInt8]? {
        guard hasShielded(bytes) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        for byte in bytes {
            if isShielded(byte) {
                let scalar = base + UInt32(byte)  // U+F700…U+F77F: three UTF-8 bytes
                out += [0xE0 | UInt8(scalar >> 12), 0x80 | UInt8((scalar >> 6) & 0x3F), 0x80 | UInt8(scalar & 0x3F)]
            } else {
                out.append(byte)
            }
        }
        return out
    }

    /// `bytes.contains(where: isShielded)`, eight bytes at a time: a word with
    /// no byte below 0x20 and no 0x7F is passed over whole; the others (most
    /// hold a line feed) are looked at byte by byte.
    static func hasShielded(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            let n = raw.count
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            var i = 0
            while i + 8 <= n {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let below20 = (word &- ones &* 0x20) & ~word & highs
                let del = word ^ (ones &* 0x7F)
                let isDEL = (del &- ones) & ~del & highs
                if below20 | isDEL != 0 {
                    for k in i..<(i + 8) where isShielded(raw[k]) { return true }
                }
                i += 8
            }
            while i < n {
                if isShielded(raw[i]) { return true }
                i += 1
            }
            return false
        }
    }

    /// Text from the parser with the controls put back.
    static func restore(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (base...base + 0x7F).contains($0.value) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (base...base + 0x7F).contains(scalar.value), let control = Unicode.Scalar(scalar.value - base) {
                out.append(control)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
