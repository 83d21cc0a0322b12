import Foundation
import Testing
import FolioCore
import TermKit
@testable import FolioUI

/// Reducer tests: send an action, compare the whole resulting state and the effects.
/// Each expected state is the start state with the fields that should change set by hand.
@Suite struct ReducerTests {
    typealias F = Fixtures

    // MARK: Helpers

    func reduced(_ state: AppState, _ action: Action) -> (AppState, [Effect]) {
        var s = state
        let effects = reduce(&s, action)
        return (s, effects)
    }

    func reduced(_ state: AppState, _ command: Command) -> (AppState, [Effect]) {
        reduced(state, .command(command))
    }

    /// The reader while an article loads, laid out for `width` columns.
    func loadingReader(_ index: Int, width: Int = 78) -> ReaderState {
        var reader = ReaderState(path: F.path(index))
        // The header comes from the list row at once; the body follows.
        reader.lines = ArticleLayout.header(for: F.summaries[index], width: width, theme: .standard) + [[Span("Loading…", style: .dim)]]
        reader.layoutWidth = width
        return reader
    }

    /// The reader with an article loaded, laid out for `width` columns.
    func loadedReader(_ index: Int, width: Int = 78, top: Int = 0) -> ReaderState {
        var reader = ReaderState(path: F.path(index))
        reader.content = .loaded(F.article(index))
        reader.lines = ArticleLayout.lines(for: F.article(index), width: width)
        reader.layoutWidth = width
        reader.top = top
        return reader
    }

    /// Changes an article's row in the library and in the list alike (the fixture index is
    /// its place in the library; its place in the list is found by path).
    func edit(_ state: inout AppState, _ index: Int, _ change: (inout ArticleRow) -> Void) {
        for i in state.library.indices where state.library[i].summary.path == F.path(index) { change(&state.library[i]) }
        for i in state.rows.indices where state.rows[i].summary.path == F.path(index) { change(&state.rows[i]) }
    }

    func setRead(_ state: inout AppState, _ indices: Int..., to read: Bool = true) {
        for index in indices { edit(&state, index) { $0.isRead = read } }
    }

    /// The undo entry of a change to the read flag.
    func readEntry(_ read: Bool, _ ids: [ArticleIdentity], label: String) -> UndoEntry {
        UndoEntry(label: label, redo: [.read(read, ids)], undo: [.read(!read, ids)])
    }

    /// The loaded start state with the reader focused on the first (long) article.
    func readingHarvest(width: Int = 80, height: Int = 24) -> AppState {
        var state = F.loadedState(width: width, height: height)
        state.focus = .reader
        return state
    }

    // MARK: Start, preview and loading

    @Test func startShowsTheFirstArticleLoading() {
        let start = F.initialState()
        let (state, effects) = reduced(start, .start)
        var expected = start
        expected.reader = loadingReader(0)
        #expect(state == expected)
        #expect(effects == [.loadArticle(path: "night-harvests.md")])
    }

    @Test func startWithAnEmptyLibraryShowsNothing() {
        let start = F.initialState(rows: [])
        let (state, effects) = reduced(start, .start)
        #expect(state == start)
        #expect(effects == [])
    }

    @Test func articleLoadedForTheShownPathFillsTheReader() {
        var start = F.initialState()
        _ = reduce(&start, .start)
        let (state, effects) = reduced(start, .articleLoaded(path: F.path(0), .success(F.article(0))))
        var expected = start
        expected.reader = loadedReader(0)
        #expect(state == expected)
        #expect(effects == [])
        #expect(state == F.loadedState())
    }

    @Test func articleLoadedForAStalePathIsIgnored() {
        var start = F.loadedState()
        _ = reduce(&start, .command(.down))          // now loading row 1
        let (state, effects) = reduced(start, .articleLoaded(path: F.path(0), .success(F.article(0))))
        #expect(state == start)
        #expect(state.reader == loadingReader(1))
        #expect(effects == [])
    }

    @Test func articleThatFailsToLoadShowsTheReason() {
        var start = F.loadedState()
        _ = reduce(&start, .command(.down))
        let failure = F.failure("no such file")
        let (state, effects) = reduced(start, .articleLoaded(path: F.path(1), .failure(failure)))
        var expected = start
        expected.reader!.content = .failed("no such file")
        expected.reader!.lines = [[Span("Could not read trade-war.html: no such file", style: Theme.standard.notice)]]
        #expect(state == expected)
        #expect(effects == [])
    }

    // MARK: Moving in the list (80×24: the list shows 7 rows)

    @Test func downSelectsTheNextRowAndPreviewsIt() {
        var start = F.loadedState()
        start.message = "Marked read."
        let (state, effects) = reduced(start, .down)
        var expected = start
        expected.selection = 1
        expected.message = nil
        expected.reader = loadingReader(1)
        #expect(state == expected)
        #expect(effects == [.loadArticle(path: "trade-war.html")])
    }

    @Test func upAtTheTopChangesNothing() {
        let start = F.loadedState()
        let (state, effects) = reduced(start, .up)
        #expect(state == start)
        #expect(effects == [])
    }

    @Test func upSelectsThePreviousRow() {
        var start = F.loadedState()
        F.settle(&start, [.down, .down])
        let (state, effects) = reduced(start, .up)
        var expected = start
        expected.selection = 1
        expected.reader = loadingReader(1)
        #expect(state == expected)
        #expect(effects == [.loadArticle(path: "trade-war.html")])
    }

    @Test func lastSelectsTheLastRowAndScrollsTheList() {
        let start = F.loadedState()
        let (state, effects) = reduced(start, .last)
        var expected = start
        expected.selection = 11
        expected.listTop = 5
        expected.reader = loadingReader(11)
        #expect(state == expected)
        #expect(effects == [.loadArticle(path: "last.txt")])
    }

    @Test func downAtTheBottomChangesNothing() {
        var start = F.loadedState()
        F.settle(&start, [.last])
        let (state, effects) = reduced(start, .down)
        #expect(state == start)
        #expect(effects == [])
    }

    @Test func firstSelectsTheFirstRowAndScrollsBack() {
        var start = F.loadedState()
        F.settle(&start, [.last])
        let (state, effects) = reduced(start, .first)
        var expected = start
        expected.selection = 0
        expected.listTop = 0
        expected.reader = loadingReader(0)
        #expect(state == expected)
        #expect(effects == [.loadArticle(path: "night-harvests.md")])
    }

    @Test func movingPastTheLastVisibleRowScrollsByOne() {
        var start = F.loadedState()
        F.settle(&start, [.down, .down, .down, .down, .down, .down])   // row 6, the last visible
        #expect(start.selection == 6 && start.listTop == 0)
        let (state, effects) = reduced(start, .down)
        var expected = start
        expected.selection = 7
        expected.listTop = 1
        expected.reader = loadingReader(7)
        #expect(state == expected)
        #expect(effects == [.loadArticle(path: "rivers.md")])
    }

    @Test func movingAboveTheFirstVisibleRowScrollsBackByOne() {
        var start = F.loadedState()
        F.settle(&start, [.last, .up, .up, .up, .up, .up, .up])         // row 5, top row of rows 5…11
        #expect(start.selection == 5 && start.listTop == 5)
        let (state, effects) = reduced(start, .up)
        var expected = start
        expected.selection = 4
        expected.listTop = 4
        expected.reader = loadingReader(4)
        #expect(state == expected)
        #expect(effects == [.loadArticle(path: "night-trains.txt")])
    }

    @Test func pageDownMovesAListHeightAndClampsAtTheEnd() {
        let start = F.loadedState()
        let (once, effects1) = reduced(start, .pageDown)
        var expected = start
        expected.selection = 7
        expected.listTop = 1
        expected.reader = loadingReader(7)
        #expect(once == expected)
        #expect(effects1 == [.loadArticle(path: "rivers.md")])

        let (twice, effects2) = reduced(once, .pageDown)
        expected.selection = 11
        expected.listTop = 5
        expected.reader = loadingReader(11)
        #expect(twice == expected)
        #expect(effects2 == [.loadArticle(path: "last.txt")])
    }

    @Test func pageUpMovesAListHeightAndClampsAtTheStart() {
        var start = F.loadedState()
        F.settle(&start, [.last])
        let (once, effects1) = reduced(start, .pageUp)
        var expected = start
        expected.selection = 4
        expected.listTop = 4
        expected.reader = loadingReader(4)
        #expect(once == expected)
        #expect(effects1 == [.loadArticle(path: "night-trains.txt")])

        let (twice, effects2) = reduced(once, .pageUp)
        expected.selection = 0
        expected.listTop = 0
        expected.reader = loadingReader(0)
        #expect(twice == expected)
        #expect(effects2 == [.loadArticle(path: "night-harvests.md")])
    }

    @Test func halfPagesMoveThreeRows() {
        let start = F.loadedState()
        let (down, effects1) = reduced(start, .halfPageDown)
        var expected = start
        expected.selection = 3
        expected.reader = loadingReader(3)
        #expect(down == expected)
        #expect(effects1 == [.loadArticle(path: "harbours.html")])

        var further = down
        F.settle(&further, [.halfPageDown, .halfPageDown, .halfPageDown])   // 6, 9, 11 (clamped)
        expected = further
        #expect(further.selection == 11 && further.listTop == 5)
        let (up, effects2) = reduced(further, .halfPageUp)
        expected.selection = 8
        expected.reader = loadingReader(8)
        #expect(up == expected)
        #expect(effects2 == [.loadArticle(path: "soup.txt")])
    }

    @Test func movingInAnEmptyListDoesNothing() {
        let start = F.loadedState(rows: [])
        for command in [Command.down, .up, .first, .last, .pageDown, .pageUp, .open, .switchFocus, .zoom, .toggleRead] {
            let (state, effects) = reduced(start, command)
            #expect(state == start, "\(command)")
            #expect(effects == [], "\(command)")
        }
    }

    // MARK: Opening, back and focus

    @Test func openFocusesTheReaderAndMarksTheArticleRead() {
        let start = F.loadedState()
        let (state, effects) = reduced(start, .open)
        var expected = start
        expected.focus = .reader
        expected.reader!.openedAt = F.now           // for the "read after N seconds" rule
        setRead(&expected, 0)                        // not an undoable change: no undo entry
        #expect(state == expected)
        #expect(effects == [.setRead(true, [F.identity(0)])])
    }

    @Test func openingAReadArticleWritesNothing() {
        var start = F.loadedState()
        F.settle(&start, [.down])                    // row 1 is read
        let (state, effects) = reduced(start, .open)
        var expected = start
        expected.focus = .reader
        expected.reader!.openedAt = F.now
        #expect(state == expected)
        #expect(effects == [])
    }

    @Test func openBeforeThePreviewLoadedAsksForTheArticleToo() {
        var start = F.loadedState()
        _ = reduce(&start, .command(.down))
        _ = reduce(&start, .command(.down))          // row 2 selected, still loading, not yet loaded
        start.reader = nil
        let (state, effects) = reduced(start, .open)
        var expected = start
        expected.focus = .reader
        setRead(&expected, 2)
        expected.reader = loadingReader(2)
        expected.reader!.openedAt = F.now
        #expect(state == expected)
        #expect(effects == [.loadArticle(path: "hydropower.html"), .setRead(true, [F.identity(2)])])
    }

    @Test func backReturnsToTheListAndSavesTheReadingPosition() {
        var start = F.loadedState()
        F.settle(&start, [.open, .pageDown])
        let (state, effects) = reduced(start, .back)
        var expected = start
        expected.focus = .list
        expected.reader!.openedAt = nil
        // Lines 13…26 of 29 were on screen: the bottom of the pane is 27/29 = 0.931 through.
        edit(&expected, 0) { $0.position = 0.931 }
        #expect(state == expected)
        #expect(state.reader!.top == 13)             // the reading position is kept
        #expect(effects == [.save(.position(0.931, F.identity(0)))])
    }

    @Test func backWithoutScrollingSavesNoPosition() {
        var start = F.loadedState()
        F.settle(&start, [.open])
        let (state, effects) = reduced(start, .back)
        var expected = start
        expected.focus = .list
        expected.reader!.openedAt = nil
        #expect(state == expected)
        #expect(effects == [])
    }

    @Test func switchFocusFromTheListOpensAndFromTheReaderGoesBack() {
        let start = F.loadedState()
        let (inReader, effects1) = reduced(start, .switchFocus)
        var expected = start
        expected.focus = .reader
        expected.reader!.openedAt = F.now
        setRead(&expected, 0)
        #expect(inReader == expected)
        #expect(effects1 == [.setRead(true, [F.identity(0)])])

        let (inList, effects2) = reduced(inReader, .switchFocus)
        expected.focus = .list
        expected.reader!.openedAt = nil
        #expect(inList == expected)
        #expect(effects2 == [])
    }

    // MARK: Scrolling the reader (80×24: 14 rows, the long article is 29 lines)

    @Test func readerScrollsLineByLineAndClamps() throws {
        let start = readingHarvest()
        try #require(start.reader!.lines.count == 29)
        let (down, e1) = reduced(start, .down)
        var expected = start
        expected.reader!.top = 1
        #expect(down == expected)
        #expect(e1 == [])

        let (up, e2) = reduced(down, .up)
        #expect(up == start)
        #expect(e2 == [])

        let (stillTop, _) = reduced(start, .up)
        #expect(stillTop == start)
    }

    @Test func readerPagesAndJumps() {
        let start = readingHarvest()
        var expected = start

        let (end, _) = reduced(start, .last)
        expected.reader!.top = 15                    // 29 lines − 14 rows
        #expect(end == expected)

        let (pastEnd, _) = reduced(end, .down)
        #expect(pastEnd == expected)

        let (top, _) = reduced(end, .first)
        #expect(top == start)

        let (page, _) = reduced(start, .pageDown)
        expected.reader!.top = 13                    // a page keeps one line of context
        #expect(page == expected)

        let (page2, _) = reduced(page, .pageDown)
        expected.reader!.top = 15
        #expect(page2 == expected)

        let (back, _) = reduced(page2, .pageUp)
        expected.reader!.top = 2
        #expect(back == expected)

        let (half, _) = reduced(start, .halfPageDown)
        expected.reader!.top = 6
        #expect(half == expected)

        let (halfUp, effects) = reduced(half, .halfPageUp)
        #expect(halfUp == start)
        #expect(effects == [])
    }

    // MARK: Unread navigation

    @Test func nextUnreadOpensTheNextUnreadArticle() {
        let start = F.loadedState()                  // row 1 is read, row 2 unread
        let (state, effects) = reduced(start, .nextUnread)
        var expected = start
        expected.selection = 2
        expected.focus = .reader
        setRead(&expected, 2)
        expected.reader = loadingReader(2)
        expected.reader!.openedAt = F.now
        #expect(state == expected)
        #expect(effects == [.loadArticle(path: "hydropower.html"), .setRead(true, [F.identity(2)])])
    }

    @Test func nextUnreadWrapsToTheTopWithAMessage() {
        var start = F.loadedState()
        F.settle(&start, [.last, .up])               // row 10; row 11 is read
        let (state, effects) = reduced(start, .nextUnread)
        var expected = start
        expected.selection = 0
        expected.listTop = 0
        expected.focus = .reader
        setRead(&expected, 0)
        expected.reader = loadingReader(0)
        expected.reader!.openedAt = F.now
        expected.message = "Wrapped to the top."
        #expect(state == expected)
        #expect(effects == [.loadArticle(path: "night-harvests.md"), .setRead(true, [F.identity(0)])])
    }

    @Test func previousUnreadWrapsToTheBottomWithAMessage() {
        let start = F.loadedState()                  // row 0; the last unread is row 10
        let (state, effects) = reduced(start, .previousUnread)
        var expected = start
        expected.selection = 10
        expected.listTop = 4
        expected.focus = .reader
        setRead(&expected, 10)
        expected.reader = loadingReader(10)
        expected.reader!.openedAt = F.now
        expected.message = "Wrapped to the bottom."
        #expect(state == expected)
        #expect(effects == [.loadArticle(path: "long.md"), .setRead(true, [F.identity(10)])])
    }

    @Test func previousUnreadGoesBackWithoutWrapping() {
        var start = F.loadedState()
        F.settle(&start, [.down, .down, .down, .down])   // row 4 (read); row 3 unread
        let (state, effects) = reduced(start, .previousUnread)
        var expected = start
        expected.selection = 3
        expected.focus = .reader
        setRead(&expected, 3)
        expected.reader = loadingReader(3)
        expected.reader!.openedAt = F.now
        #expect(state == expected)
        #expect(effects == [.loadArticle(path: "harbours.html"), .setRead(true, [F.identity(3)])])
    }

    @Test func nextUnreadWithNothingUnreadSaysSo() {
        let allRead = F.rows.map { ArticleRow(summary: $0.summary, isRead: true) }
        let start = F.loadedState(rows: allRead)
        for command in [Command.nextUnread, .previousUnread] {
            let (state, effects) = reduced(start, command)
            var expected = start
            expected.message = "No unread articles."
            #expect(state == expected)
            #expect(effects == [])
        }
    }

    @Test func nextUnreadWorksFromTheReader() {
        var start = F.loadedState()
        F.settle(&start, [.open])                    // row 0 open and read
        let (state, effects) = reduced(start, .nextUnread)
        var expected = start
        expected.selection = 2
        setRead(&expected, 2)
        expected.reader = loadingReader(2)
        expected.reader!.openedAt = F.now
        #expect(state == expected)
        #expect(effects == [.loadArticle(path: "hydropower.html"), .setRead(true, [F.identity(2)])])
    }

    // MARK: Read state

    @Test func toggleReadBothWays() {
        let start = F.loadedState()
        let (read, e1) = reduced(start, .toggleRead)
        var expected = start
        setRead(&expected, 0)
        expected.message = "Marked read."
        expected.undoStack = [readEntry(true, [F.identity(0)], label: "mark 1 article read")]
        #expect(read == expected)
        #expect(e1 == [.setRead(true, [F.identity(0)])])

        let (unread, e2) = reduced(read, .toggleRead)
        setRead(&expected, 0, to: false)
        expected.message = "Marked unread."
        expected.undoStack.append(readEntry(false, [F.identity(0)], label: "mark 1 article unread"))
        #expect(unread == expected)
        #expect(e2 == [.setRead(false, [F.identity(0)])])
    }

    @Test func toggleReadInTheReaderMarksTheOpenArticleUnread() {
        var start = F.loadedState()
        F.settle(&start, [.open])
        let (state, effects) = reduced(start, .toggleRead)
        var expected = start
        setRead(&expected, 0, to: false)
        expected.message = "Marked unread."
        expected.undoStack = [readEntry(false, [F.identity(0)], label: "mark 1 article unread")]
        #expect(state == expected)
        #expect(effects == [.setRead(false, [F.identity(0)])])
    }

    @Test func markAllReadMarksEveryRowAndCountsThem() {
        let start = F.loadedState()
        let (state, effects) = reduced(start, .markAllRead)
        var expected = start
        for i in 0..<12 { setRead(&expected, i) }
        expected.message = "Marked 8 articles read (u undoes)."
        let sorted = ["bees.md", "harbours.html", "hydropower.html", "long.md", "night-harvests.md", "shogi.html",
                      "soup.txt", "typesetting.html"].map { ArticleIdentity(rawValue: "url:https://example.org/" + $0) }
        // Undo names the same articles in library order.
        expected.undoStack = [UndoEntry(label: "mark 8 articles read", redo: [.read(true, sorted)],
                                        undo: [.read(false, [0, 2, 3, 5, 6, 8, 9, 10].map(F.identity))])]
        #expect(state == expected)
        #expect(effects == [.setRead(true, sorted)])
    }

    @Test func markAllReadWithOneUnreadUsesTheSingular() {
        var rows = F.rows.map { ArticleRow(summary: $0.summary, isRead: true) }
        rows[5].isRead = false
        let start = F.loadedState(rows: rows)
        let (state, effects) = reduced(start, .markAllRead)
        var expected = start
        setRead(&expected, 5)
        expected.message = "Marked 1 article read (u undoes)."
        expected.undoStack = [readEntry(true, [F.identity(5)], label: "mark 1 article read")]
        #expect(state == expected)
        #expect(effects == [.setRead(true, [F.identity(5)])])
    }

    @Test func markAllReadWhenAllAreReadWritesNothing() {
        let allRead = F.rows.map { ArticleRow(summary: $0.summary, isRead: true) }
        let start = F.loadedState(rows: allRead)
        let (state, effects) = reduced(start, .markAllRead)
        var expected = start
        expected.message = "All articles are already read."
        #expect(state == expected)
        #expect(effects == [])
    }

    /// The same story saved twice (same identity, two files) is one article.
    struct SharedIdentity {
        typealias F = Fixtures
        let twice = ArticleIdentity(rawValue: "url:https://news.example/allies")
        var rows: [ArticleRow] {
            [ArticleRow(summary: F.summary("allies.html", "Why allies matter", source: "cnn.com", date: F.day(2026, 4, 12),
                                           words: 700, identity: twice.rawValue), isRead: false),
             ArticleRow(summary: F.summary("bees.md", "Urban beekeepers", source: nil, date: F.day(2026, 4, 1), words: 300),
                        isRead: false),
             ArticleRow(summary: F.summary("copy/allies.md", "Why allies matter (copy)", source: nil, date: F.day(2026, 3, 1),
                                           words: 700, identity: twice.rawValue), isRead: false)]
        }
    }

    @Test func rowsSharingAnIdentityFlipTogether() {
        let shared = SharedIdentity()
        let start = F.loadedState(rows: shared.rows)
        let (read, e1) = reduced(start, .toggleRead)
        var expected = start
        for i in [0, 2] { expected.library[i].isRead = true; expected.rows[i].isRead = true }
        expected.message = "Marked read."
        expected.undoStack = [readEntry(true, [shared.twice], label: "mark 1 article read")]   // one article, two files
        #expect(read == expected)
        #expect(e1 == [.setRead(true, [shared.twice])])

        var onCopy = read
        F.settle(&onCopy, [.last])
        let (unread, e2) = reduced(onCopy, .toggleRead)
        expected = onCopy
        for i in [0, 2] { expected.library[i].isRead = false; expected.rows[i].isRead = false }
        expected.message = "Marked unread."
        expected.undoStack.append(readEntry(false, [shared.twice], label: "mark 1 article unread"))
        #expect(unread == expected)
        #expect(e2 == [.setRead(false, [shared.twice])])
    }

    @Test func openingOneCopyMarksBothRead() {
        let shared = SharedIdentity()
        var start = F.loadedState(rows: shared.rows)
        F.settle(&start, [.last])
        let (state, effects) = reduced(start, .open)
        var expected = start
        expected.focus = .reader
        expected.reader!.openedAt = F.now
        for i in [0, 2] { expected.library[i].isRead = true; expected.rows[i].isRead = true }
        #expect(state == expected)
        #expect(effects == [.setRead(true, [shared.twice])])
    }

    @Test func markAllReadCountsArticlesNotFiles() {
        let shared = SharedIdentity()
        let start = F.loadedState(rows: shared.rows)
        let (state, effects) = reduced(start, .markAllRead)
        var expected = start
        for i in expected.rows.indices { expected.library[i].isRead = true; expected.rows[i].isRead = true }
        expected.message = "Marked 2 articles read (u undoes)."
        // The change names the articles sorted; its undo names them in library order.
        expected.undoStack = [UndoEntry(label: "mark 2 articles read", redo: [.read(true, [F.identity(5), shared.twice])],
                                        undo: [.read(false, [shared.twice, F.identity(5)])])]
        #expect(state == expected)
        #expect(effects == [.setRead(true, [F.identity(5), shared.twice])])   // sorted: "url:https://example.org/…" first
    }

    @Test func readStateReloadedReplacesEveryRowsFlag() {
        let start = F.loadedState()
        let readSet: Set = [F.identity(0), F.identity(2), ArticleIdentity(rawValue: "sha256:unknown")]
        let (state, effects) = reduced(start, .readStateReloaded(readSet))
        var expected = start
        for i in 0..<12 { setRead(&expected, i, to: i == 0 || i == 2) }
        #expect(expected.unreadCount == 10)
        #expect(state == expected)
        #expect(effects == [])
    }

    // MARK: Zoom

    @Test func zoomFromTheListOpensTheArticleFullScreen() {
        let start = F.loadedState(width: 120, height: 30)
        #expect(start.reader == loadedReader(0, width: 69))
        let (state, effects) = reduced(start, .zoom)
        var expected = start
        expected.zoomed = true
        expected.focus = .reader
        setRead(&expected, 0)
        expected.reader = loadedReader(0, width: 100)     // text is capped at 100 columns
        expected.reader!.openedAt = F.now
        #expect(state == expected)
        #expect(effects == [.setRead(true, [F.identity(0)])])
    }

    @Test func zoomOutKeepsTheReaderFocusedAndTheProportionalPosition() {
        var start = F.loadedState(width: 120, height: 30)
        F.settle(&start, [.open])
        start.reader!.top = 1                       // 29 lines at 69 columns in 28 rows: the last top
        F.settle(&start, [.zoom])
        #expect(start.zoomed)
        var zoomedReader = loadedReader(0, width: 100, top: 0)           // 23 lines fit in 28 rows
        zoomedReader.openedAt = F.now
        #expect(start.reader == zoomedReader)
        let (state, effects) = reduced(start, .zoom)
        var expected = start
        expected.zoomed = false
        expected.reader = loadedReader(0, width: 69)
        expected.reader!.openedAt = F.now
        #expect(state == expected)
        #expect(effects == [])
    }

    @Test func zoomInTheReaderAtEightyColumnsKeepsThePosition() {
        var start = readingHarvest()
        start.reader!.top = 5
        let (zoomed, e1) = reduced(start, .zoom)
        var expected = start
        expected.zoomed = true                      // same text width: nothing is laid out again
        #expect(zoomed == expected)
        #expect(e1 == [])

        let (back, e2) = reduced(zoomed, .back)
        expected.zoomed = false
        expected.focus = .list
        // Zoomed, lines 5…26 of 29 were on screen (22 rows): 27/29 = 0.931 through, saved on leaving.
        edit(&expected, 0) { $0.position = 0.931 }
        #expect(back == expected)
        #expect(e2 == [.save(.position(0.931, F.identity(0)))])
    }

    // MARK: Help

    @Test func helpOpensScrollsAndCloses() {
        let start = F.loadedState()                  // 92 help lines in 22 rows: the last top is 70
        #expect(HelpScreen.lines(for: start.keyMap, theme: start.theme).count == 92)
        let (open, e1) = reduced(start, .help)
        var expected = start
        expected.helpTop = 0
        #expect(open == expected)
        #expect(e1 == [])

        let (down, _) = reduced(open, .down)
        expected.helpTop = 1
        #expect(down == expected)

        let (up, _) = reduced(down, .up)
        expected.helpTop = 0
        #expect(up == expected)
        let (stillTop, _) = reduced(up, .up)
        #expect(stillTop == expected)

        let (page, _) = reduced(open, .pageDown)
        expected.helpTop = 22
        #expect(page == expected)
        var end = page
        F.settle(&end, [.pageDown, .pageDown])
        #expect(end.helpTop == 66)
        F.settle(&end, [.pageDown])
        expected.helpTop = 70                        // clamped to the last page
        #expect(end == expected)
        let (pastEnd, _) = reduced(end, .down)
        #expect(pastEnd == expected)
        let (pageUp, _) = reduced(page, .pageUp)
        expected.helpTop = 0
        #expect(pageUp == expected)

        let (closed, e2) = reduced(page, .closeHelp)
        #expect(closed == start)
        #expect(e2 == [])
        let (closedAgain, _) = reduced(page, .help)
        #expect(closedAgain == start)
    }

    @Test func otherCommandsDoNothingWhileHelpIsOpen() {
        var start = F.loadedState()
        F.settle(&start, [.help])
        for command in [Command.toggleRead, .markAllRead, .open, .nextUnread, .zoom, .quit, .first, .last] {
            let (state, effects) = reduced(start, command)
            #expect(state == start, "\(command)")
            #expect(effects == [], "\(command)")
        }
    }

    @Test func helpOpensFromTheReaderAndClosesBackToIt() {
        var start = F.loadedState()
        F.settle(&start, [.open])
        let (open, _) = reduced(start, .help)
        #expect(open.helpTop == 0 && open.keyContext == .help)
        let (closed, _) = reduced(open, .closeHelp)
        #expect(closed == start)
        #expect(closed.keyContext == .reader)
    }

    @Test func helpPositionStaysValidAfterAResize() {
        var start = F.loadedState()
        F.settle(&start, [.help, .pageDown, .pageDown, .pageDown, .pageDown])   // top 70, the last top at 24 rows
        #expect(start.helpTop == 70)
        var taller = start
        F.settle(&taller, .resize(Size(width: 80, height: 40)))
        // 92 lines in 38 rows: the last top is now 54, and "down" must not move up.
        #expect(taller.helpTop == 54)
        let (down, _) = reduced(taller, .down)
        #expect(down.helpTop! >= taller.helpTop!)
    }

    // MARK: Quit

    @Test func quitFromTheList() {
        let start = F.loadedState()
        let (state, effects) = reduced(start, .quit)
        var expected = start
        expected.quitting = true
        #expect(state == expected)
        #expect(effects == [])
    }

    @Test func quitAllFromTheReaderAndFromHelp() {
        var reading = F.loadedState()
        F.settle(&reading, [.open])
        var helping = reading
        F.settle(&helping, [.help])
        for start in [reading, helping] {
            let (state, effects) = reduced(start, .quitAll)
            var expected = start
            expected.quitting = true
            #expect(state == expected)
            #expect(effects == [])
        }
    }

    // MARK: Resize, ticks, failures, redraw

    @Test func resizeLaysTheReaderOutAgainKeepingTheProportionalPosition() throws {
        var start = readingHarvest()
        start.reader!.top = 12                       // 12 of 29 lines at 78 columns
        let (state, effects) = reduced(start, .resize(Size(width: 40, height: 24)))
        var expected = start
        expected.size = Size(width: 40, height: 24)
        expected.reader = loadedReader(0, width: 38, top: 19)   // 46 lines: 12 × 46 / 29 = 19
        try #require(expected.reader!.lines.count == 46)
        #expect(state == expected)
        #expect(effects == [.redraw])
    }

    @Test func resizeClampsTheReaderAndKeepsTheSelectionVisible() {
        var start = F.loadedState(width: 120, height: 30)
        F.settle(&start, [.last])                    // row 11 visible in 28 rows, list top 0
        #expect(start.listTop == 0)
        let (state, effects) = reduced(start, .resize(Size(width: 80, height: 24)))
        var expected = start
        expected.size = Size(width: 80, height: 24)
        expected.listTop = 5
        expected.reader = loadedReader(11, width: 78)
        #expect(state == expected)
        #expect(effects == [.redraw])
    }

    @Test func resizeOfHeightOnlyClampsTheReaderTop() {
        var start = readingHarvest()
        F.settle(&start, [.last])                    // top 15 of 29 with 14 rows
        let (state, _) = reduced(start, .resize(Size(width: 80, height: 34)))
        var expected = start
        expected.size = Size(width: 80, height: 34)
        expected.reader!.top = 8                     // list 10 rows, reader 21 rows: 29 − 21
        #expect(Layout(size: Size(width: 80, height: 34), zoomed: false).reader.height == 21)
        #expect(state == expected)
    }

    @Test func tickSetsNow() {
        let start = F.loadedState()
        let later = F.now.addingTimeInterval(86_400)
        let (state, effects) = reduced(start, .tick(later))
        var expected = start
        expected.now = later
        #expect(state == expected)
        #expect(effects == [])
    }

    @Test func effectFailedShowsAMessageUntilTheNextKey() {
        let start = F.loadedState()
        let (state, effects) = reduced(start, .effectFailed("Could not save read state: disk full"))
        var expected = start
        expected.message = "Could not save read state: disk full"
        #expect(state == expected)
        #expect(effects == [])

        let (after, _) = reduced(state, .up)         // a key that changes nothing else
        #expect(after == start)
    }

    @Test func redrawAsksForAFullRedraw() {
        let start = F.loadedState()
        let (state, effects) = reduced(start, .redraw)
        #expect(state == start)
        #expect(effects == [.redraw])
    }
}
