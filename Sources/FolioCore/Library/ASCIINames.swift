import Foundation

/// Names and paths handled as bytes. For ASCII text, bytes and Characters
/// agree (byte order is String order, lowercasing is per byte), so the walk
/// uses these where every name is ASCII and the String operations elsewhere.
enum ASCIINames {
    /// No byte from 0x80 up (looked at 8 bytes at a time).
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = bytes.baseAddress else { return true }
        let count = bytes.count
        var i = 0
        var high: UInt64 = 0
        while i + 8 <= count {
            high |= UnsafeRawPointer(start + i).loadUnaligned(as: UInt64.self)
            i += 8
        }
        while i < count {
            high |= UInt64(start[i])
            i += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    static func isASCII(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(isASCII) ?? false
    }

    /// memcmp order of the UTF-8 bytes (a prefix first); nil when a string has no contiguous bytes.
    static func compareBytes(_ a: String, _ b: String) -> Int? {
        a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Int in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? Int(order) : x.count - y.count
            }
        } ?? nil
    }

    /// `names.sorted()` for ASCII names (file names: no NUL bytes).
    static func sorted(_ names: [String]) -> [String] {
        // The first 8 bytes as one big-endian number order most pairs; only names
        // that share them are compared further.
        let keyed = names.map { (prefix: prefix($0), name: $0) }
        return keyed.sorted { a, b in
            if a.prefix != b.prefix { return a.prefix < b.prefix }
            return compareBytes(a.name, b.name).map { $0 < 0 } ?? (a.name < b.name)
        }.map(\.name)
    }

    /// The first 8 bytes, big-endian, zeros after a shorter name (so a prefix sorts first).
    static func prefix(_ name: String) -> UInt64 {
        var key: UInt64 = 0
        var count = 0
        for byte in name.utf8 {
            key = key << 8 | UInt64(byte)
            count += 1
            if count == 8 { break }
        }
        return count == 0 ? 0 : key << (8 * (8 - UInt64(count)))
    }

    /// `ArticleFormat(fileName:)` for an ASCII name.
    static func format(ofName name: String) -> ArticleFormat? {
        let found = name.utf8.withContiguousStorageIfAvailable { bytes in format(ofNameBytes: bytes) }
        return found ?? ArticleFormat(fileName: name)
    }

    /// `ArticleFormat(fileName:)` for the bytes of an ASCII name.
    static func format(ofNameBytes bytes: UnsafeBufferPointer<UInt8>) -> ArticleFormat? {
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot != 0 else { return nil }
        let ext = UnsafeBufferPointer(rebasing: bytes[(dot + 1)...])
        func named(_ word: StaticString) -> Bool {
            // Only A-Z become a-z by setting 0x20 and then equal a lowercase letter.
            ext.count == word.utf8CodeUnitCount && zip(ext, UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)).allSatisfy { $0 | 0x20 == $1 }
        }
        if named("txt") || named("text") { return .text }
        if named("md") || named("markdown") { return .markdown }
        if named("html") || named("htm") || named("xhtml") { return .html }
        return nil
    }

    /// `a + b + c`, copied once.
    static func joined(_ a: String, _ b: String, _ c: String = "") -> String {
        var (a, b, c) = (a, b, c)
        let count = a.utf8.count + b.utf8.count + c.utf8.count
        return a.withUTF8 { a in
            b.withUTF8 { b in
                c.withUTF8 { c in
                    String(unsafeUninitializedCapacity: count) { buffer in
                        var at = 0
                        func copy(_ part: UnsafeBufferPointer<UInt8>) {
                            guard let base = part.baseAddress, part.count > 0 else { return }
                            UnsafeMutableRawPointer(buffer.baseAddress! + at).copyMemory(from: base, byteCount: part.count)
                            at += part.count
                        }
                        copy(a)
                        copy(b)
                        copy(c)
                        return at
                    }
                }
            }
        }
    }
}
