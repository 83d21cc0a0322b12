/// Finds the character set of an HTML page: a byte-order mark, then
/// `<meta charset>` or `http-equiv` in the first 4 KB, else UTF-8. A page that
/// declares a single-byte charset but is valid UTF-8 with non-ASCII text is UTF-8.
enum HTMLCharset {
    static func detect(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        guard let declared = declaredCharset(head) else { return "UTF-8" }
        let singleByte = ["iso-8859-1", "latin1", "windows-1252", "cp1252", "us-ascii", "ascii", "iso-8859-15"]
        if singleByte.contains(declared), looksLikeUTF8(bytes) { return "UTF-8" }
        if declared == "utf8" || declared == "unicode" { return "UTF-8" }
        if declared == "iso-8859-1" || declared == "latin1" || declared == "us-ascii" || declared == "ascii" { return "windows-1252" }
        return declared
    }

    static func declaredCharset(_ head: String) -> String? {
        guard let range = head.range(of: "charset=") else { return nil }
        var value = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        value = value.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" || $0 == "." }
        return value.isEmpty ? nil : String(value)
    }

    /// Valid UTF-8 with at least one multi-byte sequence.
    static func looksLikeUTF8(_ bytes: [UInt8]) -> Bool {
        guard bytes.contains(where: { $0 >= 0x80 }) else { return false }
        return TextDecoding.invalidUTF8Count(bytes) == 0
    }
}
