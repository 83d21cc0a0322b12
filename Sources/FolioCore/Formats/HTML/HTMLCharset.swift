/// Finds the character set of an HTML page: a byte-order mark, then what the
/// bytes themselves show, then `<meta charset>` or `http-equiv` in the first 4 KB,
/// else UTF-8. Saved pages often carry the server's declaration while the file
/// was re-encoded, so the bytes win when they clearly disagree with it: valid
/// UTF-8 with non-ASCII text is UTF-8 whatever the page says, and a page said
/// (or assumed) to be UTF-8 whose high bytes are mostly not UTF-8 is Windows-1252.
enum HTMLCharset {
    static func detect(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        let counts = utf8Counts(bytes)
        if counts.invalid == 0 && counts.multiByte > 0 { return "UTF-8" }
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).quickLowercased()
        let declared = declaredCharset(head)
        if declared == nil || ["utf-8", "utf8", "unicode", "utf-16", "utf-16le", "utf-16be"].contains(declared!) {
            // Text in a single-byte encoding has high bytes that are not UTF-8 and few or no
            // valid multi-byte sequences; UTF-8 with a stray bad byte has many of them.
            let latin = counts.invalid > 0 && (counts.invalid * 50 > bytes.count || counts.invalid >= counts.multiByte)
            return latin ? "windows-1252" : "UTF-8"
        }
        if ["iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "iso8859-1"].contains(declared!) { return "windows-1252" }
        return declared!
    }

    static func declaredCharset(_ head: String) -> String? {
        guard let range = head.range(of: "charset=") else { return nil }
        var value = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        value = value.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" || $0 == "." }
        return value.isEmpty ? nil : String(value)
    }

    /// Invalid UTF-8 sequences and valid multi-byte characters, in one pass.
    static func utf8Counts(_ bytes: [UInt8]) -> (invalid: Int, multiByte: Int) {
        var invalid = 0, multiByte = 0
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var i = 0
            let raw = UnsafeRawBufferPointer(b)
            while i < n {
                // Eight ASCII bytes at a time.
                if i + 8 <= n && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
                let lead = b[i]
                if lead < 0x80 { i += 1; continue }
                let length: Int
                let minimum: UInt32
                var scalar: UInt32
                switch lead {
                case 0xC2...0xDF: length = 2; scalar = UInt32(lead & 0x1F); minimum = 0x80
                case 0xE0...0xEF: length = 3; scalar = UInt32(lead & 0x0F); minimum = 0x800
                case 0xF0...0xF4: length = 4; scalar = UInt32(lead & 0x07); minimum = 0x10000
                default: invalid += 1; i += 1; continue
                }
                var k = 1
                while k < length && i + k < n && b[i + k] & 0xC0 == 0x80 {
                    scalar = scalar << 6 | UInt32(b[i + k] & 0x3F)
                    k += 1
                }
                if k == length && scalar >= minimum && scalar <= 0x10FFFF && !(0xD800...0xDFFF).contains(scalar) {
                    multiByte += 1
                    i += length
                } else {
                    invalid += 1
                    i += max(1, k)
                }
            }
        }
        return (invalid, multiByte)
    }
}
