import Foundation
import Testing
import FolioCore
import TermKit
@testable import FolioUI

/// A long article is laid out as far as the reader needs: the first screen
/// is the same as a full layout's, and scrolling on lays out the rest.
@Suite struct LazyLayoutTests {
    typealias F = Fixtures

    static let long: Article = {
        let paragraphs = (0..<4000).map { i in
            Block.text("Paragraph \(i) of a very long report from the harbour, where the ferries now plug in to shore power at night.")
        }
        return Article(title: "A very long report", author: "Test Writer", body: paragraphs, links: ["https://example.org/a"], format: .text)
    }()

    func opened(width: Int = 80, height: Int = 24) -> AppState {
        var state = F.loadedState(width: width, height: height)
        state.focus = .reader
        _ = reduce(&state, .articleLoaded(path: F.path(0), .success(Self.long)))
        return state
    }

    @Test func theFirstScreenMatchesAFullLayoutAndOnlyPartIsLaidOut() {
        let state = opened()
        let reader = try! #require(state.reader)
        let full = ArticleLayout.lines(for: Self.long, width: state.layout.readerTextWidth)
        #expect(reader.laidOutBlocks != nil)
        #expect(reader.lines.count < full.count / 10)
        #expect(Array(full.prefix(reader.lines.count)) == reader.lines)
        #expect(Screen.render(state).lines[9...].first == " A very long report")
    }

    @Test func pagingLaysOutMoreAndTheEndLaysOutAll() {
        var state = opened()
        let full = ArticleLayout.lines(for: Self.long, width: state.layout.readerTextWidth)
        for _ in 0..<20 { _ = reduce(&state, .command(.pageDown)) }
        let top = state.reader!.top
        #expect(top == 20 * (state.layout.reader.height - 1))
        #expect(Array(full[top..<top + 5]) == Array(state.reader!.lines[top..<top + 5]))
        #expect(ReaderPane.position(state)?.hasSuffix("%") == true)

        _ = reduce(&state, .command(.last))
        #expect(state.reader!.laidOutBlocks == nil)
        #expect(state.reader!.lines == full)
        #expect(state.reader!.top == full.count - state.layout.reader.height)
        #expect(ReaderPane.position(state) == "End")
    }

    @Test func aResizeKeepsThePlaceInALongArticle() {
        var state = opened()
        for _ in 0..<50 { _ = reduce(&state, .command(.pageDown)) }
        let before = Double(state.reader!.top) / Double(LazyArticleLayout.estimatedLineCount(state.reader!))
        _ = reduce(&state, .resize(Size(width: 160, height: 40)))
        let after = Double(state.reader!.top) / Double(LazyArticleLayout.estimatedLineCount(state.reader!))
        #expect(abs(after - before) < 0.05)
    }

    @Test func theWholeArticleReplacesItsStartAtTheSamePlace() {
        var state = F.loadedState()
        state.focus = .reader
        var start = Self.long
        start.body = Array(Self.long.body.prefix(300))
        start.notes = ["showing the start of this 20 MB file while the rest is read"]
        _ = reduce(&state, .articleLoaded(path: F.path(0), .success(start)))
        for _ in 0..<10 { _ = reduce(&state, .command(.down)) }
        _ = reduce(&state, .articleLoaded(path: F.path(0), .success(Self.long)))
        #expect(state.reader!.top == 10)
        #expect(state.reader!.content == .loaded(Self.long))
    }

    @Test func theStartOfAVeryLargeFileIsLaidOutOnlyAsFarAsTheScreen() {
        var state = F.loadedState()
        state.focus = .reader
        var start = Self.long
        start.body = Array(Self.long.body.prefix(120))  // ~16 KB, well under the threshold
        start.estimatedWords = 3_000_000
        _ = reduce(&state, .articleLoaded(path: F.path(0), .success(start)))
        let reader = try! #require(state.reader)
        let full = ArticleLayout.lines(for: start, width: state.layout.readerTextWidth)
        #expect(reader.laidOutBlocks != nil)
        #expect(reader.lines.count < full.count / 2)
        #expect(Array(full.prefix(reader.lines.count)) == reader.lines)
        _ = reduce(&state, .command(.last))
        #expect(state.reader!.lines == full)
    }

    @Test func blocksWithoutLinesLeaveNoGapsWhenLaidOutOneByOne() {
        var article = Self.long
        article.estimatedWords = 1_000_000
        article.body = [.paragraph([]), .text("First words."), .paragraph([]), .paragraph([]), .text("Second."), .paragraph([])]
        var reader = ReaderState(path: "a.txt")
        for wanted in [1, 6, 7, 8, 9, 100] {
            LazyArticleLayout.start(&reader, article: article, width: 40, theme: .standard, lines: wanted)
            LazyArticleLayout.extend(&reader, article: article, width: 40, theme: .standard, toAtLeast: 100)
            #expect(reader.lines == ArticleLayout.lines(for: article, width: 40), "wanted \(wanted)")
        }
        article.body = [.paragraph([]), .paragraph([])]
        LazyArticleLayout.start(&reader, article: article, width: 40, theme: .standard, lines: 1)
        LazyArticleLayout.extend(&reader, article: article, width: 40, theme: .standard, toAtLeast: 100)
        #expect(reader.lines == ArticleLayout.lines(for: article, width: 40))
        #expect(reader.lines.contains([Span("(This article has no text.)", style: Theme.standard.metadata)]))
    }

    @Test func longReadingTimesFitTheColumn() {
        #expect(ListPane.readingTime(4) == "4m")
        #expect(ListPane.readingTime(99) == "99m")
        #expect(ListPane.readingTime(14711) == "245h")
    }
}
