/// Text whose Characters are each a single scalar that equals no other
/// scalar canonically, so that Character-level work (counting, comparing,
/// taking the last one) can be done on scalars or bytes with the same result.
/// ASCII, Latin, Greek, Cyrillic and punctuation text nearly always is.
enum SimpleCharacters {
    /// A scalar that never joins a neighbour into one Character and has no
    /// one-scalar canonical equivalent: ASCII other than CR and LF, and blocks
    /// without combining marks, joiners, prepended marks, Hangul or regional
    /// indicators. The tests check each one against the standard library.
    @inline(__always)
    static func isSimple(_ v: UInt32) -> Bool {
        switch v {
        case 0x0A, 0x0D: return false
        case 0..<0x80, 0xA0...0x2FF: return true
        case 0x374, 0x37E, 0x387: return false  // canonically equal to U+02B9, ";" and "·"
        case 0x370...0x482, 0x48A...0x52F, 0x1E00...0x1EFF: return true
        case 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0: return true
        case 0x2126, 0x212A, 0x212B: return false  // Ω, K, Å
        case 0x2100...0x218B: return true
        default: return false
        }
    }

    /// `text.count`, by counting scalars when the text is simple.
    static func count(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            guard all(bytes) else { return nil }
            var n = 0
            for b in bytes where b & 0xC0 != 0x80 { n += 1 }
            return n
        } ?? text.count
    }

    /// True when every scalar of the text is simple.
    static func all(_ text: some StringProtocol) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(all) ?? text.unicodeScalars.allSatisfy { isSimple($0.value) }
    }

    static func all(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x0A || b == 0x0D { return false }
                i += 1
                continue
            }
            let (value, length) = WordCount.decode(bytes, at: i)
            if !isSimple(value) { return false }
            i += length
        }
        return true
    }
}
