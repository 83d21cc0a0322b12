import FolioCore
import Foundation
import TermKit

/// The plain output of `folio list`: one tab-separated line per article
/// (read|unread, day, minutes, title, source, path), built as UTF-8 bytes.
struct PlainListOutput {
    private(set) var bytes: [UInt8] = []
    /// "2026-02-14" by day number since 1970: a library has few distinct days.
    private var days: [Int: String] = [:]

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Forgets the lines written so far, keeping the buffer.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// (Inlined so that a summary read through a pointer is not copied whole for the call.)
    @inline(__always)
    mutating func append(_ article: ArticleSummary, read: Bool) {
        bytes.append(contentsOf: read ? "read\t".utf8 : "unread\t".utf8)
        if let date = article.date { appendDay(date) } else { bytes.append(UInt8(ascii: "-")) }
        bytes.append(UInt8(ascii: "\t"))
        bytes.append(contentsOf: String(article.readingMinutes).utf8)
        bytes.append(contentsOf: "m\t".utf8)
        // (The sanitizer turns tabs into spaces, so fields never run into each other.)
        appendField(article.title)
        bytes.append(UInt8(ascii: "\t"))
        appendField(article.source ?? "-")
        bytes.append(UInt8(ascii: "\t"))
        appendField(Self.display(article.path))
        bytes.append(UInt8(ascii: "\n"))
    }

    private mutating func appendField(_ text: String) {
        // Printable ASCII is what sanitize returns unchanged; only other text goes through it.
        let plain = text.utf8.withContiguousStorageIfAvailable { field -> Bool in
            for byte in field where byte < 0x20 || byte >= 0x7F { return false }
            bytes.append(contentsOf: field)
            return true
        } ?? false
        if !plain { bytes.append(contentsOf: TerminalText.sanitize(text).utf8) }
    }

    /// `PathCoding.display`, which changes only paths holding carried bytes (their UTF-8 starts with 0xF4).
    private static func display(_ path: String) -> String {
        let carries = path.utf8.withContiguousStorageIfAvailable { $0.contains(0xF4) } ?? true
        return carries ? PathCoding.display(path) : path
    }

    /// `DateParser.isoDay`, which depends only on the day (counted as `CivilDate` counts it).
    private mutating func appendDay(_ date: Date) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        if let text = days[day] {
            bytes.append(contentsOf: text.utf8)
        } else {
            let text = DateParser.isoDay(date)
            days[day] = text
            bytes.append(contentsOf: text.utf8)
        }
    }
}
