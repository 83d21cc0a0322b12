import Foundation
import Testing
@testable import FolioCore

struct TextDecodingTests {
    static func utf16(_ text: String, littleEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in text.utf16 {
            let hi = UInt8(unit >> 8), lo = UInt8(unit & 0xFF)
            bytes += littleEndian ? [lo, hi] : [hi, lo]
        }
        return bytes
    }

    @Test func utf16WithByteOrderMarks() throws {
        let text = "Grüße aus Kerzenau — 日本 🚢\nSecond line."
        #expect(try TextDecoding.decode(Self.utf16(text, littleEndian: true)) == .init(text: text, note: nil))
        #expect(try TextDecoding.decode(Self.utf16(text, littleEndian: false)) == .init(text: text, note: nil))
    }

    @Test func utf16FileLoadsThroughLoader() throws {
        let temp = try TempFolder()
        let text = "Café notes\n\nThe café by the harbour opened its doors again on Sunday morning, and the queue reached the lifeboat station.\n"
        let path = try temp.write("utf16.txt", bytes: Self.utf16(text, littleEndian: true))
        let article = try ArticleLoader.load(path).get().article
        #expect(article.title == "Café notes")
        #expect(article.bodyText == "The café by the harbour opened its doors again on Sunday morning, and the queue reached the lifeboat station.")
    }

    @Test func utf8ByteOrderMarkIsDropped() throws {
        let decoded = try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("Title".utf8))
        #expect(decoded.text == "Title")
        #expect(decoded.note == nil)
    }

    @Test func windows1252Fallback() throws {
        // "Café crème “quoted” – €5" in Windows-1252.
        let bytes: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" cr".utf8) + [0xE8] + Array("me ".utf8) + [0x93] + Array("quoted".utf8) + [0x94]
            + Array(" ".utf8) + [0x96] + Array(" ".utf8) + [0x80] + Array("5".utf8)
        let decoded = try TextDecoding.decode(bytes)
        #expect(decoded.text == "Café crème “quoted” – €5")
        #expect(decoded.note == "not UTF-8; read as Windows-1252")
    }

    @Test func windows1252FileLoadsThroughLoader() throws {
        let temp = try TempFolder()
        var bytes = Array("Caf".utf8) + [0xE9] + Array(" society\n\nThe caf".utf8) + [0xE9]
        bytes += Array(" society meets every Thursday in the back room of the library to argue about the best pastry in town.\n".utf8)
        let path = try temp.write("latin.txt", bytes: bytes)
        let article = try ArticleLoader.load(path).get().article
        #expect(article.title == "Café society")
        #expect(article.bodyText.hasPrefix("The café society meets"))
        #expect(article.notes == ["not UTF-8; read as Windows-1252"])
    }

    @Test func mostlyUTF8WithOneBadByteStaysUTF8() throws {
        let good = String(repeating: "Grüße aus dem Hafen. ", count: 10)
        let decoded = try TextDecoding.decode(Array(good.utf8) + [0xFF] + Array(" Ende.".utf8))
        #expect(decoded.text == good + "\u{FFFD} Ende.")
        #expect(decoded.note == nil)
    }

    @Test func binaryDetection() {
        #expect(throws: TextDecoding.Failure.binary) { try TextDecoding.decode([0x41, 0x00, 0x42]) }
        let controls = [UInt8](repeating: 0x01, count: 50) + Array("text".utf8)
        #expect(throws: TextDecoding.Failure.binary) { try TextDecoding.decode(controls) }
        #expect((try? TextDecoding.decode(Array("tabs\tand\r\nnewlines\u{0C}".utf8))) != nil)
    }
}

struct FrontMatterTests {
    @Test func parsesTheSubsetClippersWrite() {
        let text = """
        ---
        title: "A \\"quoted\\" title"
        single: 'It''s fine'
        author:
          - "[[Ana Ruiz]]"
          - "[[Priya Raman|P. Raman]]"
        tags: [one, "two", three ]
        empty:
        # a comment
        url: https://example.org/a:b
        ---
        Body line.
        """
        let (matter, rest) = FrontMatter.split(text)
        let fm = try! #require(matter)
        #expect(fm.string("title") == "A \"quoted\" title")
        #expect(fm.string("single") == "It's fine")
        #expect(fm.list("author") == ["Ana Ruiz", "P. Raman"])
        #expect(fm.list("tags") == ["one", "two", "three"])
        #expect(fm.string("empty") == nil)
        #expect(fm.list("empty") == [])
        #expect(fm.string("url") == "https://example.org/a:b")
        #expect(fm.string("missing", "title") == "A \"quoted\" title")
        #expect(rest == "Body line.")
    }

    @Test func crlfAndDotsClosing() {
        let (matter, rest) = FrontMatter.split("---\r\ntitle: Windows\r\n...\r\nBody.\r\n")
        #expect(matter?.string("title") == "Windows")
        #expect(rest == "Body.\r\n")
    }

    @Test func noFrontMatter() {
        let (matter, rest) = FrontMatter.split("# Heading\n---\nnot: front matter\n")
        #expect(matter == nil)
        #expect(rest == "# Heading\n---\nnot: front matter\n")
    }

    @Test(arguments: [
        Named("never closed", "---\ntitle: Never closed\n\nThe body of an article whose front matter never ends.\n"),
        Named("garbage lines", "---\n: no key\n  indented: nonsense\n[[[\n- orphan item\ntitle: [unclosed, list\nauthor: \"[[Unclosed\n---\nThe body of an article with broken front matter.\n"),
        Named("300 lines", "---\n" + String(repeating: "key: value\n", count: 300) + "---\nThe body of an article with endless front matter.\n"),
        Named("only the fences", "---\n---\n"),
        Named("control characters", "---\n\u{1}\u{2}: \u{7F}\n---\nThe body after control characters.\n"),
    ])
    func brokenFrontMatterStillLoads(_ sample: Named) throws {
        let text = sample.text
        let temp = try TempFolder()
        let path = try temp.write("broken-front-matter.md", text)
        switch ArticleLoader.load(path) {
        case .success(let loaded):
            #expect(!loaded.article.title.isEmpty)
            if text.contains("The body") {
                #expect(loaded.article.bodyText.contains("The body"))
            }
        case .failure(let failure):
            // Only a file with no text at all may be refused, and then as empty.
            #expect(text == "---\n---\n" && failure.reason == "empty file", "\(failure.reason)")
        }
    }

    @Test func frontMatterWithoutBodyLoads() throws {
        let a = try MarkdownExtractor().extract(from: Array("---\ntitle: Only a title\ntags: [a]\n---\n".utf8), fileName: "t.md")
        #expect(a.title == "Only a title")
        #expect(a.body.isEmpty)
        #expect(a.tags == ["a"])
    }
}

struct WordCountTests {
    @Test(arguments: [
        ("", 0),
        ("   ", 0),
        ("Hello, world", 2),
        ("It's a well-known fact", 4),
        ("Grüße aus Kerzenau", 3),
        ("The year 2026 began", 4),
        ("日本語の文章", 3),
        ("Tokyo 東京", 2),
        ("one\ntwo\tthree — four", 4),
    ] as [(String, Int)])
    func counts(_ text: String, _ expected: Int) {
        #expect(WordCount.count(text) == expected, "\(text)")
    }

    @Test(arguments: [(0, 1), (1, 1), (230, 1), (344, 1), (345, 2), (460, 2), (690, 3), (2300, 10)] as [(Int, Int)])
    func readingTime(_ words: Int, _ minutes: Int) {
        #expect(ReadingTime.minutes(words: words) == minutes)
    }

    @Test func wordsPerMinuteIs230() {
        #expect(ReadingTime.wordsPerMinute == 230)
    }

    @Test func articleWordsAndMinutes() {
        let article = Article(title: "t", body: [
            .heading(level: 2, [Inline("Two words")]),
            .text(words(400)),
            .list(ordered: false, start: 1, items: [[.text("one two")], [.text("three")]]),
            .quote([.text(words(100))]),
            .code("let x = 1"),
            .image(alt: "not counted at all"),
            .rule,
        ], format: .markdown)
        #expect(article.words == 2 + 400 + 3 + 100 + 3)
        #expect(article.readingMinutes == 2)
    }
}

struct HTMLEntitiesTests {
    @Test(arguments: [
        ("Fish &amp; chips", "Fish & chips"),
        ("a&nbsp;b", "a\u{00A0}b"),
        ("&mdash;&ndash;&hellip;", "—–…"),
        ("It&#8217;s", "It’s"),
        ("&#x2019;&#X41;", "’A"),
        ("&#0;&#1;&#x110000;&#xD800;", "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),
        ("AT&T and &unknown; and a lone & sign", "AT&T and &unknown; and a lone & sign"),
    ] as [(String, String)])
    func decodes(_ input: String, _ output: String) {
        #expect(HTMLEntities.decode(input) == output)
    }
}

struct TextCleanupTests {
    /// The reference behaviour: Unicode White_Space and no-break spaces collapse to one space, ends trimmed.
    static func reference(_ text: String) -> String {
        var result = ""
        var pending = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{00A0}" { pending = !result.isEmpty } else {
                if pending { result.unicodeScalars.append(" ") }
                pending = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    @Test(arguments: [
        "", " ", "a", " a ", "a  b", "a\tb\nc\r\nd", "\u{00A0}x\u{2003}y\u{3000}z\u{205F}", "é \u{1680} ü", "日本\u{3000}語",
        "trailing\u{2029}", "\u{85}lead", "no-change here", "emoji 🚢  ship", "zero\u{200B}width stays",
    ])
    func collapseMatchesReference(_ text: String) {
        #expect(TextCleanup.collapseWhitespace(text) == Self.reference(text))
    }

    @Test func collapseIsFastOnLongText() {
        let text = String(repeating: "word \u{00A0} \n", count: 1_000_000)
        let start = Date()
        #expect(TextCleanup.collapseWhitespace(text).utf8.count == 5 * 1_000_000 - 1)
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func wordCountOnLongText() {
        #expect(WordCount.count(String(repeating: "one two’s well-known ", count: 100_000)) == 300_000)
    }
}
