import Foundation
import Testing
import FolioCore
import TermKit
@testable import FolioUI

/// The filter (l) with its query language, saved views (1–9), sorting (o, O) and
/// full-text search results (/ and F), on a library of sixty articles. What each
/// query should list is computed from `BigLibrary`'s rules in plain Swift.
@Suite struct LibraryFilterTests {
    typealias B = BigLibrary

    func lines(_ state: AppState) -> [String] { Screen.render(state).lines }

    func filtered(_ query: String) -> Driver {
        let driver = Driver(B.loadedState())
        driver.command(.limit)
        driver.type(query)
        driver.key(.enter)
        return driver
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var query: String
        /// True for the articles the list should show (archived ones included only if it says so).
        var expected: @Sendable (Int) -> Bool
        var testDescription: String { query }
    }

    static let cases: [Case] = [
        Case(query: "orchard") { B.topic($0) == "Orchard" && !B.isArchived($0) },
        Case(query: "ORCHARD report") { B.topic($0) == "Orchard" && !B.isArchived($0) },
        Case(query: "\"Ferry report\"") { B.topic($0) == "Ferry" && !B.isArchived($0) },
        Case(query: "a0") { $0 < 10 && !B.isArchived($0) },                          // words match the file name
        Case(query: "zephyr") { _ in false },                                      // the body is for search, not the filter
        Case(query: "unread") { !B.isRead($0) && !B.isArchived($0) },
        Case(query: "read") { B.isRead($0) && !B.isArchived($0) },
        Case(query: "starred") { B.isStarred($0) && !B.isArchived($0) },
        Case(query: "archived") { B.isArchived($0) },
        Case(query: "not archived") { !B.isArchived($0) },
        Case(query: "archived or starred") { B.isArchived($0) || B.isStarred($0) },
        Case(query: "source:cnn.com") { $0 % 5 == 2 && !B.isArchived($0) },
        Case(query: "source:\"Coast Daily\"") { $0 % 5 == 1 && !B.isArchived($0) },
        Case(query: "tag:energy") { $0 % 4 == 0 && !B.isArchived($0) },
        Case(query: "tag:ENERGY") { $0 % 4 == 0 && !B.isArchived($0) },
        Case(query: "tag:energ") { _ in false },                                   // tags match whole
        Case(query: "author:berg") { $0 % 4 == 1 && !B.isArchived($0) },
        Case(query: "after:2026-06-03") { $0 * 6 + 1 <= 179 && !B.isArchived($0) },
        Case(query: "before:2026-03-01") { $0 * 6 + 1 > 273 && !B.isArchived($0) },
        Case(query: "after:2026-03-01 before:2026-06-03") { $0 * 6 + 1 > 179 && $0 * 6 + 1 <= 273 && !B.isArchived($0) },
        Case(query: "newer:30d") { $0 * 6 + 1 <= 30 && !B.isArchived($0) },
        Case(query: "longer:10m") { B.minutes($0) >= 10 && !B.isArchived($0) },
        Case(query: "shorter:3m") { B.minutes($0) <= 3 && !B.isArchived($0) },
        Case(query: "not unread") { B.isRead($0) && !B.isArchived($0) },
        Case(query: "starred or tag:longform") { (B.isStarred($0) || $0 % 6 == 1) && !B.isArchived($0) },
        Case(query: "(source:cnn.com or source:\"Rail Review\") unread") { ($0 % 5 == 2 || $0 % 5 == 3) && !B.isRead($0) && !B.isArchived($0) },
        Case(query: "railway not (tag:energy or starred)") {
            B.topic($0) == "Railway" && !($0 % 4 == 0 || B.isStarred($0)) && !B.isArchived($0)
        },
        Case(query: "not (orchard or glacier or railway)") { !["Orchard", "Glacier", "Railway"].contains(B.topic($0)) && !B.isArchived($0) },
        Case(query: "unread and longer:5m or starred shorter:2m") {
            ((!B.isRead($0) && B.minutes($0) >= 5) || (B.isStarred($0) && B.minutes($0) <= 2)) && !B.isArchived($0)
        },
    ]

    @Test(arguments: cases)
    func filterListsWhatTheQueryMeans(_ test: Case) {
        let driver = filtered(test.query)
        let expected = B.indices(where: test.expected).map(B.path)
        #expect(driver.listed == expected)
        #expect(driver.state.library.count == 60)
        #expect(driver.state.filter?.text == test.query)
        #expect(driver.state.message == (expected.isEmpty ? "Nothing matches “\(test.query)”."
                                         : "\(expected.count) of 60 match “\(test.query)”; l then Enter shows all."))
        // The reader shows the selected article (or nothing).
        #expect(driver.state.reader?.path == driver.state.selectedRow?.summary.path)
    }

    @Test func theLibraryIsWhatTheTestsThinkItIs() {
        let state = B.loadedState()
        #expect(state.library.count == 60)
        #expect(state.rows.count == 54)                      // six archived
        #expect(state.unreadCount == 40)
        #expect(B.indices { B.topic($0) == "Orchard" }.count == 10)
        #expect(B.indices { B.minutes($0) >= 10 }.count > 0 && B.indices { B.minutes($0) <= 3 }.count > 0)
        #expect(state.rows.map(\.summary.path) == B.indices { !B.isArchived($0) }.map(B.path))
    }

    @Test func theFilterAppliesAsItIsTyped() {
        let driver = Driver(B.loadedState())
        driver.command(.limit)
        #expect(driver.state.prompt == Prompt(kind: .filter))
        driver.type("tag:clim")
        #expect(driver.listed.isEmpty)                       // tag:clim matches no tag exactly
        driver.type("ate")
        #expect(driver.listed == B.indices { $0 % 5 == 0 && !B.isArchived($0) }.map(B.path))
        #expect(driver.state.prompt?.text == "tag:climate")
    }

    @Test func lThenEnterOnAnEmptyLineShowsAll() {
        let driver = filtered("starred")
        driver.command(.limit)
        #expect(driver.state.prompt?.text == "starred")      // the current filter, to edit
        driver.key(.ctrl("u"))
        driver.key(.enter)
        #expect(driver.state.filter == nil)
        #expect(driver.listed.count == 54)
        #expect(driver.state.message == "Showing all articles.")
    }

    @Test func backspaceOnAnEmptyLineCancels() {
        let driver = filtered("starred")
        driver.command(.limit)
        driver.key(.ctrl("w"))
        #expect(driver.state.prompt?.text == "")
        driver.key(.backspace)
        #expect(driver.state.prompt == nil)
        #expect(driver.state.filter?.text == "starred")
    }

    @Test func escapePutsThePreviousFilterBack() {
        let driver = filtered("source:cnn.com")
        let listed = driver.listed
        driver.command(.limit)
        driver.key(.ctrl("u"))
        driver.type("unread")
        #expect(driver.listed != listed)
        driver.key(.escape)
        #expect(driver.state.prompt == nil)
        #expect(driver.state.filter?.text == "source:cnn.com")
        #expect(driver.listed == listed)
    }

    @Test(arguments: [
        ("source:", "Filter: source: needs a value, e.g. source:name"),
        ("(unread", "Filter: a ( without its )"),
        ("unread)", "Filter: a ) without its ("),
        ("after:someday", "Filter: after:someday is not a date (try after:2026-01-31)"),
        ("longer:lots", "Filter: longer:lots is not a reading time (try longer:10m or longer:1h)"),
        ("colour:red", "Filter: unknown field “colour:” (known: source, tag, author, title, path, format, after, before, newer, older, longer, shorter)"),
        ("unread or", "Filter: nothing after “or”"),
    ])
    func aBadQuerySaysWhatIsWrongAndKeepsTheList(_ query: String, _ message: String) {
        let driver = filtered("starred")
        let listed = driver.listed
        driver.command(.limit)
        driver.key(.ctrl("u"))
        driver.type(query)
        driver.key(.enter)
        #expect(driver.state.message == message)
        #expect(driver.state.filter?.text != query)
        #expect(driver.state.prompt == nil)
    }

    @Test func aRejectedQueryLeavesTheListAsItWas() {
        // Typed live, "source" (a word) filters the list before "source:" fails to parse.
        let driver = filtered("starred")
        let listed = driver.listed
        driver.command(.limit)
        driver.key(.ctrl("u"))
        driver.type("source:")
        driver.key(.enter)
        #expect(driver.state.message == "Filter: source: needs a value, e.g. source:name")
        #expect(driver.listed == listed)
        #expect(driver.state.filter?.text == "starred")
    }

    @Test func tabCompletesTheQueryLanguageAndTags() {
        let driver = Driver(B.loadedState())
        driver.command(.limit)
        driver.type("sta")
        driver.key(.tab)
        #expect(driver.state.prompt?.text == "starred")
        driver.type(" tag:lo")
        driver.key(.tab)
        #expect(driver.state.prompt?.text == "starred tag:longform")
        driver.key(.enter)
        #expect(driver.listed == B.indices { B.isStarred($0) && $0 % 6 == 1 && !B.isArchived($0) }.map(B.path))
    }

    @Test func filterScreenNamesTheFilterAndItsCount() {
        let driver = filtered("source:cnn.com unread")
        let expected = B.indices { $0 % 5 == 2 && !B.isRead($0) && !B.isArchived($0) }
        let screen = lines(driver.state)
        #expect(screen[0].hasPrefix(" folio ─ 60 articles, 40 unread ─ source:cnn.com unread (\(expected.count) shown)"))   // the folder gives way
        for (line, i) in expected.prefix(7).enumerated() {
            #expect(screen[1 + line].hasPrefix(" ●" + (B.isStarred(i) ? "★" : " ") + " " + B.title(i)), "row \(line)")
            #expect(screen[1 + line].contains("cnn.com"), "row \(line)")
        }
        #expect(screen[23].hasPrefix(" \(expected.count) of 60 match “source:cnn.com unread”; l then Enter shows all."))
    }

    @Test func emptyFilterScreen() {
        let driver = filtered("zephyr")
        let screen = lines(driver.state)
        #expect(screen[1] == " Nothing matches; l then Enter shows all.")
        #expect(driver.state.reader == nil)
        #expect(screen[23].hasPrefix(" Nothing matches “zephyr”."))
    }

    @Test func theLimitPromptScreen() {
        let driver = Driver(B.loadedState())
        driver.command(.limit)
        driver.type("tag:energy")
        #expect(lines(driver.state)[23] == " Limit to: tag:energy")
    }

    // MARK: Views

    func withViews() -> Driver {
        var state = B.loadedState()
        state.views = [SavedView(name: "Unread", query: "unread"), SavedView(name: "Energy", query: "tag:energy"),
                       SavedView(name: "Broken", query: "source:")]
        return Driver(state)
    }

    @Test func aNumberShowsThatView() {
        let driver = withViews()
        driver.command(.view2)
        let expected = B.indices { $0 % 4 == 0 && !B.isArchived($0) }
        #expect(driver.listed == expected.map(B.path))
        #expect(driver.state.filter?.text == "tag:energy")
        #expect(driver.state.message == "View 2, Energy: \(expected.count) articles.")
        driver.command(.view1)
        #expect(driver.listed == B.indices { !B.isRead($0) && !B.isArchived($0) }.map(B.path))
        let unread = B.indices { !B.isRead($0) && !B.isArchived($0) }.count
        #expect(unread == 36)                                // 40 unread, 4 of them archived
        #expect(driver.state.message == "View 1, Unread: \(unread) articles.")
    }

    @Test func missingAndBrokenViews() {
        let driver = withViews()
        driver.command(.view9)
        #expect(driver.state.message == "Only 3 views are set.")
        #expect(driver.state.filter == nil)
        driver.command(.view3)
        #expect(driver.state.message == "Filter: source: needs a value, e.g. source:name")
        #expect(driver.state.filter == nil)
        let none = Driver(B.loadedState())
        none.command(.view1)
        #expect(none.state.message == "No views set; add “view NAME = QUERY” lines to the config.")
    }

    @Test func viewScreen() {
        let driver = withViews()
        driver.command(.view2)
        let expected = B.indices { $0 % 4 == 0 && !B.isArchived($0) }
        let screen = lines(driver.state)
        #expect(screen[0].hasPrefix(" folio ─ ~/Articles ─ 60 articles, 40 unread ─ tag:energy (\(expected.count) shown)"))
        #expect(screen[1].hasPrefix("  ★ \(B.title(0))"))    // 0: read, starred
        #expect(screen[2].hasPrefix(" ●  \(B.title(4))"))
        #expect(screen[23].hasPrefix(" View 2, Energy: \(expected.count) articles."))
    }

    // MARK: Sort

    func order(_ indices: [Int], by key: (Int) -> String) -> [String] {
        indices.sorted { key($0) != key($1) ? key($0) < key($1) : $0 < $1 }.map(B.path)
    }

    @Test func oCyclesTheSortOrdersAndSavesThem() {
        let driver = Driver(B.loadedState())
        let visible = B.indices { !B.isArchived($0) }
        var effects = driver.command(.sort)
        #expect(effects == [.saveSetting("sort", "title"), .saveSetting("sort-reverse", "off")])
        #expect(driver.state.message == "Sorted by title.")
        #expect(driver.listed == order(visible) { B.title($0).lowercased() })
        effects = driver.command(.sort)
        #expect(effects.first == .saveSetting("sort", "source"))
        #expect(driver.listed == order(visible) { B.source($0).lowercased() })
        driver.command(.sort)
        #expect(driver.state.message == "Sorted by reading time.")
        #expect(driver.listed == visible.sorted { B.words($0) < B.words($1) }.map(B.path))
        driver.command(.sort)
        #expect(driver.state.message == "Sorted by unread first.")
        #expect(driver.listed == order(visible) { B.isRead($0) ? "1" : "0" })
        driver.command(.sort)
        #expect(driver.state.message == "Sorted by date.")
        #expect(driver.listed == visible.map(B.path))
    }

    @Test func capitalOReversesTheOrder() {
        let driver = Driver(B.loadedState())
        let visible = B.indices { !B.isArchived($0) }
        let effects = driver.command(.reverseSort)
        #expect(effects == [.saveSetting("sort", "date"), .saveSetting("sort-reverse", "on")])
        #expect(driver.state.message == "Sorted by date, reversed.")
        #expect(driver.listed == visible.reversed().map(B.path))
        driver.command(.sort)
        #expect(driver.listed == order(visible) { B.title($0).lowercased() }.reversed())
        driver.command(.reverseSort)
        #expect(driver.state.message == "Sorted by title.")
    }

    @Test func sortingKeepsTheSelectedArticleAndTheFilter() {
        let driver = filtered("tag:energy")
        driver.command(.down, .down)
        let selected = driver.state.selectedRow!.summary.path
        driver.command(.sort)
        #expect(driver.state.selectedRow?.summary.path == selected)
        #expect(driver.listed == order(B.indices { $0 % 4 == 0 && !B.isArchived($0) }) { B.title($0).lowercased() })
    }

    @Test func sortScreenSaysTheOrder() {
        let driver = Driver(B.loadedState())
        driver.command(.sort, .reverseSort)
        let screen = lines(driver.state)
        #expect(screen[0].hasPrefix(" folio ─ ~/Articles ─ 60 articles, 40 unread ─ by title, reversed"))
        let expected = Array(order(B.indices { !B.isArchived($0) }) { B.title($0).lowercased() }.reversed())
        #expect(driver.listed == expected)
        // The selected article (0) stays selected and in view: the list scrolled to it.
        let top = driver.state.listTop
        #expect(top > 0 && driver.state.selection == expected.firstIndex(of: B.path(0)))
        for line in 0..<7 {
            #expect(screen[1 + line].contains(B.title(B.index(of: expected[top + line]))), "row \(line)")
        }
        #expect(screen[1].hasPrefix("  ★ Orchard report number 0"))
    }

    // MARK: Library search

    func hits(_ indices: [Int]) -> [SearchResult] {
        indices.map { SearchResult(path: B.path($0), snippet: "the code word zephyr\($0)") }
    }

    @Test func slashOpensTheSearchAndTypingSearchesFromTwoCharacters() {
        let driver = Driver(B.loadedState())
        driver.command(.search)
        #expect(driver.state.prompt == Prompt(kind: .librarySearch))
        #expect(driver.type("z") == [])
        #expect(driver.type("e") == [.searchLibrary("ze")])
        let effects = driver.key(.enter)
        #expect(effects.first == .searchLibrary("ze"))
        #expect(driver.state.prompt == nil)
    }

    @Test func capitalFSearchesFromTheReader() {
        let driver = Driver(B.loadedState())
        driver.command(.open, .search)
        #expect(driver.state.focus == .reader)
        #expect(driver.state.prompt?.kind == .librarySearch)
    }

    @Test func resultsListInRankOrderWithArchivedOnesAndSnippets() {
        let driver = Driver(B.loadedState())
        let ranked = [33, 5, 9, 48]                      // 9 is archived
        let effects = driver.send(.searchResults("zephyr", hits(ranked)))
        #expect(driver.listed == ranked.map(B.path))
        #expect(driver.state.selection == 0)
        #expect(effects.first == .loadArticle(path: B.path(33)))
        #expect(driver.state.reader?.path == B.path(33))
        #expect(driver.state.filter?.text == "search: zephyr")
        #expect(driver.state.filter?.searchHits?[B.path(5)] == "the code word zephyr5")
        #expect(driver.state.message == "4 articles contain “zephyr”; l then Enter shows all.")
    }

    @Test func searchThroughTheEffectsAndBackToAll() {
        let driver = Driver(B.loadedState())
        driver.effects.searchResults = hits([12])
        driver.command(.search)
        driver.type("zephyr12")
        driver.key(.enter)
        #expect(driver.listed == [B.path(12)])
        #expect(driver.state.message == "1 article contains “zephyr12”; l then Enter shows all.")
        driver.command(.limit)
        #expect(driver.state.prompt?.text == "")           // not "search: …"
        driver.key(.enter)
        #expect(driver.state.filter == nil)
        #expect(driver.listed.count == 54)
    }

    @Test func anEmptySearchClearsAndNoHitsSaySo() {
        let driver = Driver(B.loadedState())
        driver.send(.searchResults("nothing", []))
        #expect(driver.listed.isEmpty)
        #expect(driver.state.reader == nil)
        #expect(driver.state.message == "No article contains “nothing”.")
        #expect(lines(driver.state)[1] == " Nothing matches; l then Enter shows all.")
        driver.command(.search)
        #expect(driver.key(.enter) == [.loadArticle(path: driver.listed.first!)])
        #expect(driver.state.filter == nil && driver.listed.count == 54)
        #expect(driver.state.reader?.path == driver.state.selectedRow?.summary.path)
    }

    @Test func escapeFromTheSearchPutsTheListBack() {
        let driver = filtered("starred")
        let listed = driver.listed
        driver.effects.searchResults = hits([1, 2])
        driver.command(.search)
        driver.type("zephyr")
        #expect(driver.listed == [B.path(1), B.path(2)])  // results as you type
        driver.key(.escape)
        #expect(driver.state.filter?.text == "starred")
        #expect(driver.listed == listed)
    }

    @Test func aSearchMadeWhileIndexingRunsAgainWhenIndexingEnds() {
        var state = B.loadedState()
        state.indexing = IndexingProgress(done: 400, total: 1000)
        let driver = Driver(state)
        driver.send(.searchResults("zephyr", hits([33, 5])))
        #expect(driver.state.message == "2 articles contain “zephyr” so far (indexing); l then Enter shows all.")
        driver.command(.down)
        #expect(driver.state.selectedRow?.summary.path == B.path(5))
        // A batch that does not finish asks for nothing; the last one runs the search again,
        // whose fuller results keep the selected article selected, and are final.
        driver.effects.searchResults = hits([48, 33, 5, 9])
        #expect(!driver.send(.libraryUpdated(LibraryUpdate(done: 700, total: 1000))).contains(.searchLibrary("zephyr")))
        #expect(driver.send(.libraryUpdated(LibraryUpdate(done: 1000, total: 1000, finished: true))).contains(.searchLibrary("zephyr")))
        #expect(driver.listed == [48, 33, 5, 9].map(B.path))
        #expect(driver.state.selectedRow?.summary.path == B.path(5))
        #expect(driver.state.message == "4 articles contain “zephyr”; l then Enter shows all.")
        #expect(!driver.send(.libraryUpdated(LibraryUpdate(finished: true))).contains(.searchLibrary("zephyr")))
    }

    @Test func aSearchMadeAfterIndexingIsNotRunAgain() {
        let driver = Driver(B.loadedState())
        driver.send(.searchResults("zephyr", hits([33, 5])))
        #expect(!driver.send(.libraryUpdated(LibraryUpdate(finished: true))).contains(.searchLibrary("zephyr")))
    }

    @Test func searchResultsScreenShowsSnippets() {
        let driver = Driver(B.loadedState())
        driver.send(.searchResults("zephyr", hits([5, 9])))
        let screen = lines(driver.state)
        #expect(screen[0].hasPrefix(" folio ─ ~/Articles ─ 60 articles, 40 unread ─ search: zephyr (2 shown)"))
        #expect(screen[1].hasPrefix(" ●  Ferry report number 5 — the code word zephyr5"))
        #expect(screen[1].contains("Valley Led"))
        #expect(screen[2].hasPrefix("    Library report number 9 — the code word zephyr9"))   // read, archived
        #expect(screen[3] == "")
        #expect(screen[23].hasPrefix(" 2 articles contain “zephyr”; l then Enter shows all."))
    }

    @Test func searchPromptScreen() {
        let driver = Driver(B.loadedState())
        driver.command(.search)
        driver.type("harbour light")
        #expect(lines(driver.state)[23] == " Search all articles: harbour light")
    }
}
