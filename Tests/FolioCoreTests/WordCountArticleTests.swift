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
}
