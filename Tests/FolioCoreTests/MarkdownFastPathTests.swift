import Foundation
import Testing
@testable import FolioCore

/// The byte-level paths of the Markdown reader give what the Character-level
/// code they stand in for gives, on random and edge-case text.
struct MarkdownFastPathTests {
    /// Pieces that trip Character-level code: CR, CRLF, combining marks, a prepended
    /// concatenation mark (U+0600 joins the Character after it), NBSP, emoji, CJK.
    static let pieces = ["", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{301}", "\u{600}", "\u{A0}", "\u{2003}", "\u{FEFF}",
                         "a", "Z", "é", "日", "😀", "👩‍👧", "\\", "|", ":", "-", "#", ">", "*", "`", "~", "[", "]", "!", "<", "\"", "'",
                         "1.", "---", "...", "title", "- item", "[[Ana]]", "“", "—"]

    static func randomText(_ generator: inout some RandomNumberGenerator, pieces: [String] = pieces, count: ClosedRange<Int> = 0...14) -> String {
        var text = ""
        for _ in 0..<Int.random(in: count, using: &generator) { text += pieces.randomElement(using: &generator)! }
        return text
    }

    /// Lines split the straightforward way: at each "\n", "\r\n" or "\r" scalar.
    static func referenceLines(_ text: Substring) -> [Substring] {
        var result: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var i = start
        while i < scalars.endIndex {
            let s = scalars[i]
            if s == "\n" || s == "\r" {
                result.append(Substring(scalars[start..<i]))
                var next = scalars.index(after: i)
                if s == "\r", next < scalars.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
                start = next
                i = next
            } else {
                i = scalars.index(after: i)
            }
        }
        result.append(Substring(scalars[start...]))
        return result
    }

    @Test func linesMatchScalarSplitting() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = Self.randomText(&generator)
            let sub = ("x" + text + "y").dropFirst().dropLast()
            #expect(MarkdownBlocks.lines(text[...]) == Self.referenceLines(text[...]), "\(Array(text.unicodeScalars))")
            #expect(MarkdownBlocks.lines(sub) == Self.referenceLines(sub))
        }
        #expect(MarkdownBlocks.lines("") == [""])
        #expect(MarkdownBlocks.lines("a\r\n") == ["a", ""])
        #expect(MarkdownBlocks.lines("a\r\rb") == ["a", "", "b"])
    }

    /// `FrontMatter.split` as it was before it stopped at the closing line: every line
    /// (up to `maxLines` + 1) found first.
    static func eagerSplit(_ text: String) -> (FrontMatter?, Substring) {
        guard text.hasPrefix("---") || text.hasPrefix("\u{FEFF}---") else { return (nil, text[...]) }
        var lines: [(line: Substring, next: String.Index)] = []
        for line in referenceLines(text[...]) {
            guard lines.count <= FrontMatter.maxLines else { break }
            let end = line.endIndex
            var next = end
            if next < text.endIndex { next = text.unicodeScalars.index(after: next) }
            if end < text.endIndex, text.unicodeScalars[end] == "\r", next < text.endIndex, text.unicodeScalars[next] == "\n" {
                next = text.unicodeScalars.index(after: next)
            }
            if line.isEmpty, end == text.endIndex { break }  // no last line after a final line end
            lines.append((line, next))
        }
        guard let first = lines.first, first.line.trimmingSpaces().trimmingScalars(in: "\u{FEFF}") == "---" else { return (nil, text[...]) }
        if let end = lines.indices.dropFirst().first(where: { let t = lines[$0].line.trimmingSpaces(); return t == "---" || t == "..." }) {
            let inner = lines[1..<end].map(\.line)
            let matter = FrontMatter.parse(ArraySlice(inner))
            if matter.values.isEmpty, inner.contains(where: { !$0.allSatisfy(\.isWhitespace) && !FrontMatter.looksLikeYAML($0) }) { return (nil, text[...]) }
            return (matter, text[lines[end].next...])
        }
        var end = 1
        while end < lines.count, FrontMatter.looksLikeYAML(lines[end].line) { end += 1 }
        let matter = FrontMatter.parse(ArraySlice(lines[1..<end].map(\.line)))
        guard !matter.values.isEmpty else { return (nil, text[...]) }
        return (matter, end < lines.count ? text[lines[end - 1].next...] : text[text.endIndex...])
    }

    @Test func frontMatterSplitMatchesEagerSplit() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["---", "...", "\n", "\r\n", "\r", "title: A", "author:", "- x", "  more", "key: 'v'", " ", "\u{301}", "é", "body", "#", "\u{FEFF}"]
        var cases = ["---\ntitle: A\n---\nBody", "---\ntitle: A", "---\ntitle: A\n", "---\r\ntitle: A\r\n...\r\nB", "---\nprose here\n---\n",
                     "---", "---\n---", "\u{FEFF}---\ntitle: B\n---\nx", "--- \ntitle: C\nnot yaml line\nrest"]
        // Past the line limit: closed too late, and never closed.
        cases.append("---\n" + String(repeating: "k: v\n", count: FrontMatter.maxLines - 1) + "---\nBody")
        cases.append("---\n" + String(repeating: "k: v\n", count: FrontMatter.maxLines) + "---\nBody")
        cases.append("---\n" + String(repeating: "k: v\n", count: FrontMatter.maxLines + 5))
        for _ in 0..<4000 { cases.append("---" + Self.randomText(&generator, pieces: pieces, count: 0...12)) }
        for text in cases {
            let (fast, fastRest) = FrontMatter.split(text)
            let (eager, eagerRest) = Self.eagerSplit(text)
            #expect(fast == eager && Array(fastRest.utf8) == Array(eagerRest.utf8) && fastRest.startIndex == eagerRest.startIndex,
                    "\(Array(text.unicodeScalars.prefix(80)))")
        }
    }

    @Test func joinedParagraphBytesMatchCharacters() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "b c", " ", "  ", "\t", "\\", "\\\\", "\u{600}", "\u{301}", "é", "“", "日", "😀", "x\u{600} "]
        for _ in 0..<4000 {
            let lines = (0..<Int.random(in: 1...4, using: &generator)).map { _ in Substring(Self.randomText(&generator, pieces: pieces, count: 1...6)) }
            #expect(MarkdownBlocks.joinParagraphBytes(lines) == Array(MarkdownBlocks.joinParagraph(lines).utf8), "\(lines.map { Array($0.unicodeScalars) })")
        }
        // A prepended mark joins the spaces after it into its Character: no hard break.
        let prepended: [Substring] = ["x\u{600}  ", "y"]
        #expect(MarkdownBlocks.joinParagraphBytes(prepended) == Array(MarkdownBlocks.joinParagraph(prepended).utf8))
        #expect(MarkdownBlocks.joinParagraph(prepended) == "x\u{600} y")
        #expect(MarkdownBlocks.joinParagraph(["a  ", "b\\", "c"]) == "a\nb\nc")
    }

    /// A line taken as paragraph text at once is one that every block test turns down.
    @Test func plainTextLinesStartNoBlock() {
        var generator = SystemRandomNumberGenerator()
        let pieces = Self.pieces + ["    ", "    code", "1) ", "+ ", "___", "***", "===", "```", "~~~", "<!--", "<script>", "![a](b)", "[x]: http://y"]
        var plain = 0
        for _ in 0..<20000 {
            let line = Substring(Self.randomText(&generator, pieces: pieces, count: 1...6))
            guard !line.utf8.contains(0x0A), !line.utf8.contains(0x0D), MarkdownBlocks.isPlainTextLine(line) else { continue }
            plain += 1
            let trimmed = String(MarkdownBlocks.trim(line))
            let blockStart = trimmed.isEmpty || MarkdownBlocks.indent(of: line) >= 4 || MarkdownBlocks.referenceDefinition(trimmed) != nil
                || MarkdownBlocks.fence(trimmed) != nil || trimmed.hasPrefix("<!--") || MarkdownBlocks.rawHTMLBlock(trimmed) != nil
                || MarkdownBlocks.atxHeading(trimmed) != nil || MarkdownBlocks.setextLevel(trimmed) != nil || MarkdownBlocks.isRule(trimmed)
                || trimmed.hasPrefix(">") || MarkdownBlocks.listMarker(line) != nil || trimmed.contains("|")
                || MarkdownBlocks.standaloneImage(trimmed) != nil
            #expect(!blockStart, "\(Array(line.unicodeScalars))")
        }
        #expect(plain > 1000)
        #expect(!MarkdownBlocks.isPlainTextLine("1. item") && !MarkdownBlocks.isPlainTextLine("a | b") && !MarkdownBlocks.isPlainTextLine("    a"))
        #expect(MarkdownBlocks.isPlainTextLine("  Text") && MarkdownBlocks.isPlainTextLine("“Quoted”"))
    }

    /// Values from the pieces front matter is made of, simple text only.
    static func simpleValue(_ generator: inout some RandomNumberGenerator) -> String {
        let pieces = ["\"", "'", "''", "\\\"", "[[", "]]", "]],", "|", ",", " ", "\t", "\u{A0}", "Ana", "Ruiz", "é", "—", "“", "”", "x", "[", "]"]
        return randomText(&generator, pieces: pieces, count: 0...9)
    }

    @Test func frontMatterValuesMatchCharacters() {
        var generator = SystemRandomNumberGenerator()
        var values = ["", "\"", "''", "\"\"", "'a''b'", "\"a\\\"b\"", "[[Ana|Ana Ruiz]]", "[[x", "\"[[Ana]], [[Bo]]\"", " \u{A0}[[]] ", "\"open", "close\""]
        for _ in 0..<6000 { values.append(Self.simpleValue(&generator)) }
        for value in values {
            #expect(SimpleCharacters.all(value))
            #expect(FrontMatterValue.clean(value) == FrontMatter.cleanCharacters(value), "\(Array(value.unicodeScalars))")
            #expect(FrontMatter.splitWikiLinks(value) == FrontMatter.splitWikiLinksCharacters(value), "\(Array(value.unicodeScalars))")
        }
        // Text that is not simple goes the Character way.
        for value in ["\"e\u{301}\"", "\u{600}\"x\"", "[[日本]]", "\"a\u{301}"] {
            #expect(FrontMatterValue.clean(value) == nil)
            #expect(FrontMatter.clean(value) == FrontMatter.cleanCharacters(value))
        }
    }

    /// The spaces `trimmingSpaces` takes off simple text are the three `FrontMatterValue.trimmed` knows.
    @Test func simpleSpacesAreTheThreeKnownOnes() {
        for v in 0...0x2FFFF {
            guard let s = Unicode.Scalar(v), SimpleCharacters.isSimple(UInt32(v)), ScalarTrim.isSpace(s) else { continue }
            #expect([0x20, 0x09, 0xA0].contains(v), "\(v)")
        }
    }

    @Test func asciiCharacterSearchMatchesCharacters() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let text = Self.randomText(&generator)
            for byte: UInt8 in [0x3A, 0x7C, 0x22] {
                let sub = ("«" + text + "»").dropFirst()
                #expect(text.firstIndex(ofASCII: byte) == text.firstIndex(of: Character(Unicode.Scalar(byte))), "\(Array(text.unicodeScalars))")
                #expect(sub.firstIndex(ofASCII: byte) == sub.firstIndex(of: Character(Unicode.Scalar(byte))))
            }
        }
        #expect("a\u{600}:b:c".firstIndex(ofASCII: 0x3A) == "a\u{600}:b:c".firstIndex(of: ":"))
    }

    /// The ASCII bytes searched for have no canonical twin among the other scalars.
    @Test func searchedBytesHaveNoCanonicalTwins() {
        for byte: UInt8 in [0x3A, 0x7C, 0x22] {
            let c = Character(Unicode.Scalar(byte))
            var twins: [Int] = []
            for v in 0x80...0x10FFFF { if let s = Unicode.Scalar(v), Character(s) == c { twins.append(v) } }
            #expect(twins.isEmpty, "\(byte): \(twins)")
        }
        #expect(Character("\u{37E}") == ";")  // a byte that has one
    }
}
