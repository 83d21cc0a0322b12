import FolioCore
import Foundation
import Testing
import TermKit
@testable import folio

/// `PlainListOutput` writes days, counts and fields itself: against the String
/// code, on runs of the same day (written again from the last one), far years,
/// and fields at the edges of printable ASCII.
@Suite struct PlainListDayTests {
    static func summary(date: Date?, words: Int, title: String, source: String?, path: String) -> ArticleSummary {
        ArticleSummary(path: path, absolutePath: "/lib/" + path, identity: ArticleIdentity(rawValue: "id"), title: title, source: source,
                       author: nil, date: date, fileDate: Date(timeIntervalSince1970: 0), words: words, format: .text)
    }

    static func expected(_ article: ArticleSummary, read: Bool) -> String {
        (read ? "read\t" : "unread\t") + (article.date.map(DateParser.isoDay) ?? "-") + "\t\(article.readingMinutes)m\t"
            + TerminalText.sanitize(article.title) + "\t" + TerminalText.sanitize(article.source ?? "-") + "\t"
            + TerminalText.sanitize(PathCoding.display(article.path)) + "\n"
    }

    @Test func linesAreTheStringOnes() {
        var random = SystemRandomNumberGenerator()
        // Seconds around day edges, before 1970, and years past 9999 or before 0.
        let times: [Double] = [0, -1, -0.5, 86_399.999, 86_400, -86_400, -86_401, 1_700_000_000, 1_700_000_000.5,
                               -62_167_219_200, -62_167_219_201, 253_402_300_799, 253_402_300_800, 1e12, -1e12]
        let bytes = (0..<128).map { String(UnicodeScalar(UInt8($0))) } + ["\u{E9}", "\u{10FF41}", "~", " "]
        var output = PlainListOutput(capacity: 16)
        var text = ""
        for i in 0..<3000 {
            let time = times[Int.random(in: 0..<times.count, using: &random)] + Double(Int.random(in: 0...2, using: &random)) * 3600
            let field = { (0..<Int.random(in: 0...20, using: &random)).map { _ in bytes.randomElement(using: &random)! }.joined() }
            let article = Self.summary(date: i % 11 == 0 ? nil : Date(timeIntervalSince1970: time),
                                       words: [0, 1, 114, 115, 345, 230 * 1_000_000, Int.random(in: 0...100_000, using: &random)].randomElement(using: &random)!,
                                       title: field(), source: Bool.random(using: &random) ? nil : field(), path: "dir/" + field())
            output.append(article, read: i % 3 == 0)
            text += Self.expected(article, read: i % 3 == 0)
        }
        #expect(output.bytes == Array(text.utf8))
        output.removeAll()
        #expect(output.bytes.isEmpty)
    }

    @Test func printableASCIIIsTestedAsBytes() {
        for length in 0..<40 {
            for bad in [UInt8(0), 0x1F, 0x7F, 0x80, 0xFF, 0x20, 0x7E, 0x41] {
                for at in Swift.max(0, length - 9)..<length {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    bytes[at] = bad
                    let plain = bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
                    #expect(bytes.withUnsafeBufferPointer(PlainListOutput.isPrintableASCII) == plain, "\(length) \(bad) \(at)")
                }
            }
        }
    }
}
