import Foundation
import Testing
@testable import FolioCore

/// Paths and helpers shared by the FolioCore tests.
enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func path(_ relative: String) -> String { folder.appendingPathComponent(relative).path }

    static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(relative)))
    }

    /// Loads a fixture through `ArticleLoader.load`, failing the test when it cannot.
    static func load(_ relative: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> ArticleLoader.Loaded {
        switch ArticleLoader.load(path(relative)) {
        case .success(let loaded): return loaded
        case .failure(let failure):
            Issue.record("could not load \(relative): \(failure.reason)", sourceLocation: sourceLocation)
            throw failure
        }
    }
}

/// A fresh folder under the system temp directory, removed when released.
final class TempFolder {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/folio-coretests-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        // Resolve symlinks (e.g. /tmp -> /private/tmp) so paths compare as the scanner sees them.
        path = LibraryScanner.realPath(String(cString: made)) ?? String(cString: made)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` (UTF-8) at `relative`, creating folders as needed; returns the absolute path.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ relative: String, bytes: [UInt8]) throws -> String {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    func mkdir(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path + "/" + relative, withIntermediateDirectories: true)
    }
}

/// A calendar date (and time) in UTC.
func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))!
}

/// An article body of `count` words.
func words(_ count: Int) -> String {
    (0..<count).map { "word\($0 % 10 == 0 ? "" : "s")" }.joined(separator: " ")
}

/// A named test input, shown by its name rather than its (long, multi-line) text.
struct Named: CustomTestStringConvertible, Sendable {
    let name: String
    let text: String
    init(_ name: String, _ text: String) { self.name = name; self.text = text }
    var testDescription: String { name }
}

/// What an extraction fixture must give: its metadata, the body's first and
/// last sentences, and (where a test says) text that must not be in the body,
/// its tags and its links.
struct ArticleExpectation: CustomTestStringConvertible, Sendable {
    var file: String
    var title: String
    var subtitle: String?
    var author: String?
    var date: Date?
    var source: String?
    var url: String?
    var first: String
    var last: String
    /// Text that must not be in the body (chrome, header lines, teasers).
    var absent: [String] = []
    var tags: [String]? = nil
    var links: [String]? = nil
    var testDescription: String { file }
}
