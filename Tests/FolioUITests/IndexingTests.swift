import Foundation
import Testing
import FolioCore
import TermKit
@testable import FolioUI

/// A folder read in the background: rows arrive in batches while the list is
/// in use, the selection stays on its article, and progress shows on screen.
@Suite struct IndexingTests {
    typealias F = Fixtures

    /// The fixture rows in batches of the given ranges, as an indexer would report them.
    static func batches(_ ranges: [Range<Int>]) -> [LibraryUpdate] {
        var done = 0
        return ranges.enumerated().map { i, range in
            done += range.count
            return LibraryUpdate(upserted: Array(F.rows[range]), done: done, total: F.rows.count, finished: i == ranges.count - 1)
        }
    }

    /// Effects whose poll hands out one batch per call and is busy until the last.
    final class IndexingEffects: EffectHandler {
        var batches: [LibraryUpdate]
        let inner = FakeEffects()
        init(_ batches: [LibraryUpdate]) { self.batches = batches }
        var isBusy: Bool { !batches.isEmpty }
        func perform(_ effect: Effect) -> [Action] { inner.perform(effect) }
        func poll() -> [Action] { batches.isEmpty ? [] : [.libraryUpdated(batches.removeFirst())] }
    }

    @Test func keysWorkWhileBatchesArriveAndTheSelectionStaysOnItsArticle() {
        var start = F.initialState(rows: [])
        start.indexing = IndexingProgress(done: 0, total: 0)
        start.wasIndexedBefore = false
        let backend = TestBackend(width: 80, height: 24)
        // Oldest rows first: each later batch lands above what is already listed.
        let effects = IndexingEffects(Self.batches([6..<12, 2..<6, 0..<2]))
        let program = Program(state: start, backend: backend, effects: effects)
        program.busyInterval = 0  // collect after every key
        program.dispatch(.start)
        program.draw()
        #expect(backend.lines[1] == " Reading the folder…")

        for action in effects.poll() { program.dispatch(action) }       // first batch: 6 rows
        program.draw()
        #expect(program.state.rows.count == 6)
        #expect(backend.lines[0].contains("indexing"))
        program.handle(.key(.char("j")))
        program.handle(.key(.char("j")))
        let selected = program.state.selectedRow?.summary.path
        for action in effects.poll() { program.dispatch(action) }       // 4 more, newer
        #expect(program.state.selectedRow?.summary.path == selected, "the selection moved to another article")
        program.handle(.key(.char("j")))
        for action in effects.poll() { program.dispatch(action) }       // the last 2
        program.draw()
        #expect(program.state.rows.map(\.summary.path) == F.rows.map(\.summary.path))
        #expect(program.state.indexing == nil)
        #expect(!backend.lines[0].contains("indexing"))
        #expect(backend.lines[0].contains("12 articles, 8 unread"))
        #expect(program.state.message == nil, "a first reading is not news")
    }

    @Test func aRefreshReportsNewAndRemovedFilesAndKeepsTheReader() {
        var state = F.loadedState()
        state.focus = .reader
        let reading = state.reader
        let new = F.summary("fresh.txt", "A story saved a moment ago", source: nil, date: F.day(2026, 11, 28), words: 400)
        let effects = reduce(&state, .libraryUpdated(LibraryUpdate(upserted: [ArticleRow(summary: new, isRead: false)],
                                                                   removed: [F.path(11)], done: 1, total: 1, finished: true)))
        #expect(effects.isEmpty)
        #expect(state.rows.count == 12)
        #expect(state.rows[0].summary.path == "fresh.txt")
        #expect(state.selectedRow?.summary.path == F.path(0))
        #expect(state.reader == reading)
        #expect(state.message == "1 new, 1 removed.")
    }

    @Test func anArticleThatBecomesUnreadableLeavesTheListAndCountsAsAProblem() {
        var state = F.loadedState()
        _ = reduce(&state, .libraryUpdated(LibraryUpdate(problems: [F.path(3): "binary file, not text"], finished: true)))
        #expect(state.rows.count == 11)
        #expect(state.problemCount == 1)
        #expect(!state.rows.contains { $0.summary.path == F.path(3) })
    }

    @Test func theTitleBarShowsProgressWithThousandsGrouped() {
        var state = F.loadedState(width: 120, height: 30)
        state.indexing = IndexingProgress(done: 4210, total: 10000)
        #expect(Screen.render(state).lines[0].contains("indexing 4,210 / 10,000"))
    }
}
