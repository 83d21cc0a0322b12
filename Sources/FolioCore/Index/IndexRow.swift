import Foundation
import GRDBSQLite

/// The current row of an SQLite statement, its columns read as GRDB reads
/// them but without a GRDB `Row` in between: a text is the column's bytes up
/// to the first NUL (as `String(cString:)` stops there), bad UTF-8 repaired.
struct IndexRow {
    let statement: OpaquePointer

    init(_ statement: OpaquePointer) {
        self.statement = statement
    }

    @inline(__always)
    func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(statement, column) == SQLITE_NULL
    }

    @inline(__always)
    func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(statement, column)
    }

    /// The column's text ("" for NULL, where GRDB would stop the program).
    @inline(__always)
    func text(_ column: Int32) -> String {
        withBytes(column) { String(decoding: $0, as: UTF8.self) }
    }

    @inline(__always)
    func optionalText(_ column: Int32) -> String? {
        isNull(column) ? nil : text(column)
    }

    /// The column's bytes as `text` takes them (valid until the next step).
    @inline(__always)
    func withBytes<T>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        // (Text first, then its length: that order gives the length of the text.)
        guard let start = sqlite3_column_text(statement, column) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let count = Int(sqlite3_column_bytes(statement, column))
        let end = count == 0 ? nil : memchr(start, 0, count)
        let length = end.map { UnsafeRawPointer($0) - UnsafeRawPointer(start) } ?? count
        return body(UnsafeBufferPointer(start: start, count: length))
    }

    /// The format column: `ArticleFormat(rawValue:) ?? .text`, its three names compared as bytes.
    func format(_ column: Int32) -> ArticleFormat {
        withBytes(column) { bytes -> ArticleFormat in
            if Self.equal(bytes, "markdown") { return .markdown }
            if Self.equal(bytes, "html") { return .html }
            if Self.equal(bytes, "text") { return .text }
            return ArticleFormat(rawValue: String(decoding: bytes, as: UTF8.self)) ?? .text
        }
    }

    /// The tags column's lines (see `IndexStore.lines`), split in place when
    /// the text is ASCII without CR (there, bytes are Characters).
    func lines(_ column: Int32) -> [String] {
        withBytes(column) { bytes -> [String] in
            guard let start = bytes.baseAddress, ASCIINames.isASCII(bytes), memchr(start, 0x0D, bytes.count) == nil else {
                return IndexStore.lines(String(decoding: bytes, as: UTF8.self))
            }
            var lines: [String] = []
            var breaks = 0
            for byte in bytes where byte == 0x0A { breaks += 1 }
            lines.reserveCapacity(breaks + 1)
            var at = 0
            while at < bytes.count {
                let end = memchr(start + at, 0x0A, bytes.count - at).map { UnsafeRawPointer($0) - UnsafeRawPointer(start) } ?? bytes.count
                if end > at { lines.append(String(decoding: UnsafeBufferPointer(start: start + at, count: end - at), as: UTF8.self)) }
                at = end + 1
            }
            return lines
        }
    }

    /// The file in the current row of the index's file query (see `IndexStore.files`).
    @inline(__always)
    func file() -> IndexedFile {
        let path = text(0)
        let absolutePath = text(1)
        let mtime = int64(3)
        if !isNull(4) {
            return IndexedFile(path: path, absolutePath: absolutePath, size: Int(int64(2)), modifiedNanoseconds: mtime, outcome: .problem(text(4)))
        }
        let summary = ArticleSummary(
            path: path, absolutePath: absolutePath, identity: ArticleIdentity(rawValue: text(5)), title: text(6),
            source: optionalText(7), author: optionalText(8),
            date: isNull(9) ? nil : Date(timeIntervalSince1970: sqlite3_column_double(statement, 9)),
            fileDate: Date(nanoseconds: mtime), words: Int(int64(10)),
            format: format(11), tags: isNull(12) ? [] : lines(12))
        return IndexedFile(path: path, absolutePath: absolutePath, size: Int(int64(2)), modifiedNanoseconds: mtime, outcome: .article(consume summary))
    }

    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        bytes.count == word.utf8CodeUnitCount && (bytes.count == 0 || memcmp(bytes.baseAddress!, word.utf8Start, bytes.count) == 0)
    }
}
