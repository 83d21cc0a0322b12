import Foundation
import Testing
@testable import FolioCore

/// Hostile and degenerate files: each gives an article or a clear error, quickly, and never crashes.
/// Serialized, so that the big inputs do not compete with each other for the time limit.
@Suite(.serialized)
struct BadInputTests {
    /// Generous: these run in debug builds next to the other suites; quadratic work would take minutes.
    static let limit: Double = 30

    func timed<T>(_ name: String, _ work: () throws -> T) rethrows -> T {
        let start = Date()
        let result = try work()
        let seconds = Date().timeIntervalSince(start)
        #expect(seconds < Self.limit, "\(name) took \(seconds) s")
        return result
    }

    static let sentence = "The harbour council said on Tuesday that the new ferry would arrive in spring and people were happy about it. "

    static func megabytes(_ n: Int, _ unit: String, separator: String = "") -> [UInt8] {
        let piece = Array((unit + separator).utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(n << 20)
        while bytes.count < n << 20 { bytes += piece }
        return bytes
    }

    @Test func tenMegabyteLineOfText() throws {
        let bytes = Self.megabytes(10, Self.sentence)
        let a = try timed("10 MB line as .txt") { try PlainTextExtractor().extract(from: bytes, fileName: "line.txt") }
        #expect(a.body.count == 1)
        #expect(a.words > 1_500_000)
        let m = try timed("10 MB line as .md") { try MarkdownExtractor().extract(from: bytes, fileName: "line.md") }
        #expect(m.body.count == 1)
    }

    @Test func tenMegabyteLineWithoutSpaces() throws {
        let bytes = [UInt8](repeating: 0x61, count: 10 << 20)
        let a = try timed("10 MB of one letter") { try PlainTextExtractor().extract(from: bytes, fileName: "a.txt") }
        #expect(!a.body.isEmpty)
    }

    @Test func tenMegabytePageDump() throws {
        var text = "Skip to main content\nMenu\nSearch\nA very long page\nBy Ana Ruiz\n\n"
        let paragraph = String(repeating: Self.sentence, count: 3) + "\n\n"
        let chrome = "Share\nAdvertisement\n\n"
        var n = 0
        while text.utf8.count < 10 << 20 { text += paragraph; n += 1; if n % 50 == 0 { text += chrome } }
        text += "Related stories\nSomething else\n© 2026 Example Media\n"
        let bytes = Array(text.utf8)
        let a = try timed("10 MB page dump") { try PlainTextExtractor().extract(from: bytes, fileName: "dump.txt") }
        #expect(a.title == "A very long page")
        #expect(a.author == "Ana Ruiz")
        #expect(a.body.count == n)
        let m = try timed("10 MB of paragraphs as .md") { try MarkdownExtractor().extract(from: bytes, fileName: "dump.md") }
        #expect(m.body.count > n)
    }

    /// Four megabytes of ten-byte lines (400,000 units); ten take about 15 s in a debug build.
    @Test func megabytesOfShortLines() throws {
        let bytes = Self.megabytes(4, "Menu item", separator: "\n")
        let a = try timed("4 MB of short lines") { try PlainTextExtractor().extract(from: bytes, fileName: "lines.txt") }
        #expect(!a.title.isEmpty)
    }

    @Test(arguments: [
        Named("stars", String(repeating: "*a ", count: 300_000)),
        Named("underscores", String(repeating: "_a ", count: 300_000)),
        Named("open brackets", String(repeating: "[", count: 500_000)),
        Named("link openers", String(repeating: "[a](", count: 200_000)),
        Named("backticks", String(repeating: "` `` ", count: 200_000)),
        Named("angle brackets", String(repeating: "<a ", count: 300_000)),
        Named("html comments", String(repeating: "<!-- ", count: 200_000)),
        Named("nested quotes", String(repeating: ">", count: 100_000) + " deep\n"),
        Named("nested lists", String(repeating: "- ", count: 100_000) + "deep\n"),
        Named("nested emphasis", String(repeating: "*a _b ", count: 50_000) + String(repeating: "b_ a*", count: 50_000)),
        Named("indented lines", String(repeating: "    code\n  - item\n> quote\n", count: 60_000)),
        Named("table rows", "| a | b |\n|---|---|\n" + String(repeating: "| 1 | 2 |\n", count: 100_000)),
        Named("unclosed fence", "```\n" + String(repeating: "line\n", count: 200_000)),
    ])
    func hostileMarkdown(_ sample: Named) throws {
        let bytes = Array(sample.text.utf8)
        let a = try timed(sample.name) { try MarkdownExtractor().extract(from: bytes, fileName: "hostile.md") }
        #expect(!a.title.isEmpty)
    }

    @Test func nulBytesAreBinary() {
        #expect(throws: ExtractionError.binary) { try PlainTextExtractor().extract(from: Array("Title\n\nText\u{0} more.".utf8), fileName: "a.txt") }
        #expect(throws: ExtractionError.binary) { try MarkdownExtractor().extract(from: Array("# Title\n\nText\u{0}".utf8), fileName: "a.md") }
    }

    @Test func whitespaceOnlyIsEmpty() {
        let spaces = Array(String(repeating: " \t\r\n\u{00A0}\u{3000}", count: 10_000).utf8)
        #expect(throws: ExtractionError.empty) { try PlainTextExtractor().extract(from: spaces, fileName: "a.txt") }
        #expect(throws: ExtractionError.empty) { try MarkdownExtractor().extract(from: spaces, fileName: "a.md") }
    }

    @Test func brokenFrontMatterInTextAndMarkdown() throws {
        let text = "---\ntitle: \"Unclosed\nauthor: [[Ana\n: :\n- - -\n---\n\nThe body of the article is still here, and it is long enough to count as a paragraph.\n"
        let md = try MarkdownExtractor().extract(from: Array(text.utf8), fileName: "b.md")
        #expect(md.title == "Unclosed")
        #expect(md.bodyText.hasPrefix("The body of the article"))
        let txt = try PlainTextExtractor().extract(from: Array(text.utf8), fileName: "b.txt")
        #expect(txt.title == "Unclosed")
        #expect(txt.bodyText.hasPrefix("The body of the article"))
    }

    @Test func controlCharactersAndLoneCarriageReturns() throws {
        let text = "Title with \u{1B}[31mescape\r\rA paragraph\u{7} with a bell and\u{0B}a vertical tab that goes on long enough to be body text.\r"
        let a = try PlainTextExtractor().extract(from: Array(text.utf8), fileName: "c.txt")
        #expect(a.title.hasPrefix("Title with"))
        #expect(a.bodyText.contains("A paragraph"))
    }

    @Test func frontMatterOnlyTextFile() throws {
        let a = try PlainTextExtractor().extract(from: Array("---\ntitle: Only a title\n---\n".utf8), fileName: "t.txt")
        #expect(a.title == "Only a title")
        #expect(a.body.isEmpty)
    }
}
