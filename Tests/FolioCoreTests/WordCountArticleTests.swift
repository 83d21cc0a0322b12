import Foundation
import Testing
@testable import FolioCore

/// `Article.words` counts one-run paragraphs and headings on their text; it must give the sum of
/// `Block.wordCount`, which counts every block's plain text.
struct WordCountArticleTests {
    @Test func articleWordsMatchTheBlockCounts() {
        var random = PlainTextRandom(seed: 73)
        for _ in 0..<800 {
            var body: [Block] = []
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                let runs = (0..<Int.random(in: 0...3, using: &random)).map { _ in Inline(random.text(maxPieces: 12)) }
                switch Int.random(in: 0...4, using: &random) {
                case 0: body.append(.paragraph(runs))
                case 1: body.append(.heading(level: 2, runs))
                case 2: body.append(.quote([.paragraph(runs), .text(random.text())]))
                case 3: body.append(.list(ordered: true, start: 3, items: [[.text(random.text())], [.paragraph(runs)]]))
                default: body.append(.table(rows: [[runs, [Inline(random.text())]]], hasHeader: true))
                }
            }
            let article = Article(title: "t", body: body, format: .text)
            #expect(article.words == body.reduce(0) { $0 + $1.wordCount })
        }
    }

    /// The count the plain-text extractor keeps beside the body is the blocks' count, and goes with any change to the body.
    @Test func plainTextWordsAreTheBlockCounts() throws {
        var random = PlainTextRandom(seed: 97)
        var counted = 0
        for round in 0..<600 {
            var lines = ["Menu", "Home | World | Sport", "A Headline For The Page", "By Priya Raman | 3 June 2026"]
            for _ in 0..<Int.random(in: 1...12, using: &random) {
                switch Int.random(in: 0...5, using: &random) {
                case 0: lines.append("- " + random.text(maxPieces: 8))
                case 1: lines.append("> " + random.text(maxPieces: 8))
                case 2: lines.append("Zone\tPermit\tFee")
                case 3: lines.append(String(repeating: "Long words go on and on. ", count: round % 7 == 0 ? 200 : 2))
                default: lines.append("The council said that " + random.text(maxPieces: 30) + " and it was done.")
                }
                if Bool.random(using: &random) { lines.append("") }
            }
            lines.append(round % 2 == 0 ? "Related stories" : "© 2026 Harbour Daily")
            guard var article = try? PlainTextExtractor().extract(from: Array(lines.joined(separator: "\n").utf8), fileName: "a.txt") else { continue }
            #expect(article.countedWords.value != nil)
            #expect(article.words == article.body.reduce(0) { $0 + $1.wordCount }, "\(lines)")
            counted += 1
            if !article.body.isEmpty {
                article.body.removeLast()
                #expect(article.countedWords.value == nil)
                #expect(article.words == article.body.reduce(0) { $0 + $1.wordCount })
            }
        }
        #expect(counted > 500)
        var a = Article(title: "t", body: [.text("one two")], format: .text)
        let b = a
        a.countedWords.value = 5
        #expect(a == b)
    }
}
