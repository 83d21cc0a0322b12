/// Whitespace handling shared by the extractors.
public enum TextCleanup {
    /// Collapses runs of whitespace (including newlines and no-break spaces) to
    /// one space and trims the ends, as a browser lays out inline text.
    ///
    /// Works on UTF-8 bytes (the Unicode White_Space characters are a short,
    /// fixed list), so it stays fast on multi-megabyte input.
    public static func collapseWhitespace(_ text: String) -> String {
        var text = text
        let result: String? = text.withUTF8 { bytes -> String? in
            // Fast path: nothing to change.
            if !needsCollapse(bytes) { return nil }
            return collapsed(bytes)
        }
        return result ?? text
    }

    /// `collapseWhitespace` of text given as (valid UTF-8) bytes.
    static func collapseWhitespace(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        needsCollapse(bytes) ? collapsed(bytes) : String(decoding: bytes, as: UTF8.self)
    }

    private static func collapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var i = 0
        let n = bytes.count
        while i < n {
            let length = whitespaceLength(bytes, at: i)
            if length > 0 {
                pendingSpace = !out.isEmpty
                i += length
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Trims spaces and tabs (not other characters) from both ends.
    public static func trim(_ text: Substring) -> String {
        var t = text
        while let f = t.first, f.isWhitespace { t.removeFirst() }
        while let l = t.last, l.isWhitespace { t.removeLast() }
        return String(t)
    }

    /// True when `collapseWhitespace` would change the text.
    static func needsCollapse(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        guard n > 0 else { return false }
        if whitespaceLength(bytes, at: 0) > 0 { return true }
        var i = 0
        while i < n {
            let b = bytes[i]
            i += 1
            // Printable ASCII other than a space (most bytes) can never need a change.
            if b > 0x20 && b < 0x80 { continue }
            if b == 0x20 {
                if i == n || bytes[i] == 0x20 { return true }  // a trailing space or a run of two
                continue
            }
            if b < 0x20 || b >= 0xC2, whitespaceLength(bytes, at: i - 1) > 0 { return true }
        }
        return false
    }

    /// The byte length of a Unicode White_Space character at `i`, or 0.
    /// U+0009–000D, U+0020, U+0085, U+00A0, U+1680, U+2000–200A, U+2028, U+2029,
    /// U+202F, U+205F, U+3000.
    @inline(__always)
    static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b = bytes[i]
        if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return 1 }
        if b < 0xC2 { return 0 }
        let n = bytes.count
        if b == 0xC2, i + 1 < n { return bytes[i + 1] == 0x85 || bytes[i + 1] == 0xA0 ? 2 : 0 }
        guard i + 2 < n else { return 0 }
        let b1 = bytes[i + 1], b2 = bytes[i + 2]
        switch b {
        case 0xE1: return b1 == 0x9A && b2 == 0x80 ? 3 : 0
        case 0xE2:
            if b1 == 0x80 { return (b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF ? 3 : 0 }
            return b1 == 0x81 && b2 == 0x9F ? 3 : 0
        case 0xE3: return b1 == 0x80 && b2 == 0x80 ? 3 : 0
        default: return 0
        }
    }
}
