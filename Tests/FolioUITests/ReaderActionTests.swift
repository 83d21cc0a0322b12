import Foundation
import Testing
import FolioCore
import TermKit
@testable import FolioUI

/// Find in the article (/ n N), links (L, open, y), copying the article's URL, the
/// editor (e), piping (|), the reading position with its half-read marker, and the
/// read rule (on open, after N seconds, by key): reducer tests and screens.
@Suite struct ReaderActionTests {
    typealias F = Fixtures

    func lines(_ state: AppState) -> [String] { Screen.render(state).lines }

    /// The first article open in the reader (list focus left).
    func reading() -> Driver {
        let driver = Driver(F.loadedState())
        driver.command(.open)
        return driver
    }

    /// Lines of the laid-out article that contain `text`, as a person would count them.
    func matchingLines(_ reader: ReaderState, _ text: String, caseSensitive: Bool = false) -> [Int] {
        reader.lines.indices.filter { i in
            let plain = reader.lines[i].plainText
            return caseSensitive ? plain.contains(text) : plain.lowercased().contains(text.lowercased())
        }
    }

    // MARK: Find in the article

    @Test func slashInTheReaderFindsAndMovesToTheFirstMatch() throws {
        let driver = reading()
        driver.command(.find)
        #expect(driver.state.prompt == Prompt(kind: .findInArticle))
        driver.type("floodlights")
        #expect(driver.key(.enter) == [])
        let reader = try #require(driver.state.reader)
        let matches = matchingLines(reader, "floodlights")
        #expect(matches.count == 2)
        #expect(reader.find == "floodlights")
        #expect(reader.top == max(0, min(matches[0] - 2, reader.lines.count - driver.state.layout.reader.height)))
        #expect(driver.state.message == "“floodlights”: match 1 of 2")
    }

    @Test func nAndCapitalNMoveBetweenMatchesAndWrap() throws {
        let driver = reading()
        driver.command(.find); driver.type("night"); driver.key(.enter)
        let reader = try #require(driver.state.reader)
        let matches = matchingLines(reader, "night")
        #expect(matches.count >= 3)
        #expect(driver.state.message == "“night”: match 1 of \(matches.count)")
        // N before the first match wraps to the last.
        driver.command(.findPrevious)
        #expect(driver.state.message == "“night”: match \(matches.count) of \(matches.count) (wrapped)")
        #expect(driver.state.library[0].isRead)          // N found; it did not toggle read
        // n from the last match wraps to the first.
        driver.command(.findNext)
        #expect(driver.state.message == "“night”: match 1 of \(matches.count) (wrapped)")
    }

    @Test func nMovesOnFromAMatchInTheMiddleOfTheArticle() throws {
        let driver = reading()
        driver.command(.find); driver.type("night"); driver.key(.enter)
        let matches = matchingLines(try #require(driver.state.reader), "night")
        driver.command(.findNext)                        // match 2, shown two lines below the top
        #expect(driver.state.message == "“night”: match 2 of \(matches.count)")
        driver.command(.findNext)
        #expect(driver.state.message == "“night”: match 3 of \(matches.count)")
    }

    @Test func capitalsMakeTheSearchCaseSensitive() throws {
        let driver = reading()
        driver.command(.find); driver.type("Night"); driver.key(.enter)
        let reader = try #require(driver.state.reader)
        let sensitive = matchingLines(reader, "Night", caseSensitive: true)
        #expect(sensitive.count < matchingLines(reader, "night").count)
        #expect(driver.state.message == "“Night”: match 1 of \(sensitive.count)")
    }

    @Test func notFoundAndAnEmptyFindEndTheSearch() {
        let driver = reading()
        driver.command(.find); driver.type("zebra"); driver.key(.enter)
        #expect(driver.state.message == "Not found: zebra")
        #expect(driver.state.reader?.top == 0)
        driver.command(.find)
        #expect(driver.state.prompt?.text == "zebra")     // the last search, to edit
        driver.key(.ctrl("u")); driver.key(.enter)
        #expect(driver.state.reader?.find == nil)
        // Without a search n and N are next unread and toggle read again.
        driver.command(.findPrevious)
        #expect(!driver.state.library[0].isRead)
        driver.command(.findNext)
        #expect(driver.state.selectedRow?.summary.path == F.path(2))
    }

    @Test func findScreenHighlightsTheMatches() throws {
        let driver = reading()
        driver.command(.find); driver.type("floodlights"); driver.key(.enter)
        let screen = Screen.render(driver.state)
        let text = screen.lines
        let row = try #require(text.indices.first { $0 > 8 && text[$0].contains("floodlights") })
        let x = try #require(text[row].range(of: "floodlights")).lowerBound.utf16Offset(in: text[row])
        for dx in 0..<11 { #expect(screen[x + dx, row].style.attributes.contains(.reverse), "column \(x + dx)") }
        #expect(!screen[x + 11, row].style.attributes.contains(.reverse))
        #expect(text[23].hasPrefix(" “floodlights”: match 1 of 2"))
        driver.command(.find)
        #expect(lines(driver.state)[23] == " Find: floodlights")
    }

    // MARK: Links and URLs

    static let linked = Article(title: "Glacier melt is reshaping alpine hydropower plans", source: "example.org",
                                url: "https://example.org/hydropower", body: [.text("See the report [1] and the map [2].")],
                                links: ["https://a.example/report", "https://b.example/map", "mailto:desk@example.org"], format: .html)

    func withLinks() -> Driver {
        let driver = Driver(F.loadedState())
        driver.effects.articles[F.path(2)] = Self.linked
        driver.command(.down, .down, .open)
        return driver
    }

    @Test func capitalLListsTheLinksAndKeysMoveOpenAndCopy() {
        let driver = withLinks()
        #expect(driver.command(.links) == [])
        #expect(driver.state.linkSelection == 0 && driver.state.keyContext == .links)
        let keyMap = driver.state.keyMap
        #expect(keyMap.command(for: .char("j"), in: .links) == .down)
        driver.command(.down)
        #expect(driver.state.linkSelection == 1)
        #expect(keyMap.command(for: .enter, in: .links) == .openLink && keyMap.command(for: .char("o"), in: .links) == .openLink)
        #expect(driver.command(.openLink) == [.openURL("https://b.example/map")])
        #expect(driver.command(.yank) == [.copyToClipboard("https://b.example/map")])
        #expect(driver.state.message == "Copied https://b.example/map")
        driver.command(.last)
        #expect(driver.state.linkSelection == 2)
        driver.command(.down)
        #expect(driver.state.linkSelection == 2)
        driver.command(.first, .up)
        #expect(driver.state.linkSelection == 0)
        #expect(driver.command(.view3) == [.openURL("mailto:desk@example.org")])
        #expect(driver.state.linkSelection == 2)
        #expect(driver.command(.view9) == [])             // there is no link 9
        driver.command(.back)
        #expect(driver.state.linkSelection == nil && driver.state.focus == .reader)
    }

    @Test func linksNeedAnArticleWithLinks() {
        var state = F.loadedState()
        _ = reduce(&state, .command(.links))
        #expect(state.linkSelection == nil)
        #expect(state.message == "This article has no links.")
        var loading = F.initialState()
        _ = reduce(&loading, .start)                      // not loaded yet
        _ = reduce(&loading, .command(.links))
        #expect(loading.message == "Open an article first.")
    }

    @Test func yCopiesTheArticlesURL() {
        let driver = withLinks()
        #expect(driver.command(.yank) == [.copyToClipboard("https://example.org/hydropower")])
        #expect(driver.state.message == "Copied https://example.org/hydropower")
        let plain = reading()
        #expect(plain.command(.yank) == [])
        #expect(plain.state.message == "This article has no URL; L lists its links.")
    }

    @Test func linksScreen() {
        let driver = withLinks()
        driver.command(.links, .down)
        let screen = lines(driver.state)
        #expect(screen[9] == " Links — Enter or o opens, y copies, q closes")
        #expect(screen[11] == " [1] https://a.example/report")
        #expect(screen[12] == " [2] https://b.example/map")
        #expect(screen[13] == " [3] mailto:desk@example.org")
        let buffer = Screen.render(driver.state)
        #expect(buffer[5, 12].style.attributes.contains(.reverse))     // the selected link
        #expect(!buffer[5, 11].style.attributes.contains(.reverse))
        driver.command(.yank)
        #expect(lines(driver.state)[23].hasPrefix(" Copied https://b.example/map"))
    }

    // MARK: Editor and pipe

    @Test func eOpensTheFileInTheEditorFromTheListAndTheReader() {
        var state = F.loadedState()
        F.settle(&state, [.down])
        #expect(reduce(&state, .command(.edit)) == [.edit(file: "/library/" + F.path(1))])
        F.settle(&state, [.open])
        #expect(reduce(&state, .command(.edit)) == [.edit(file: "/library/" + F.path(1))])
        var empty = F.loadedState(rows: [])
        #expect(reduce(&empty, .command(.edit)) == [])
    }

    @Test func aFailingEditorIsReportedOnTheScreen() {
        var state = F.loadedState()
        let backend = TestBackend(width: 80, height: 24)
        let effect = reduce(&state, .command(.edit))
        #expect(effect == [.edit(file: "/library/night-harvests.md")])
        let actions = TerminalEffects.perform(effect[0], backend: backend, environment: ["EDITOR": "false"])
        #expect(backend.suspensions == 1)                 // the terminal was handed over
        for action in actions { _ = reduce(&state, action) }
        #expect(lines(state)[23].hasPrefix(" false failed:"))
    }

    @Test func pipeSendsTheArticleTextToTheCommand() {
        let driver = reading()
        driver.command(.pipe)
        #expect(driver.state.prompt == Prompt(kind: .pipe))
        #expect(lines(driver.state)[23] == " Pipe article to command:")
        driver.type("wc -w")
        #expect(lines(driver.state)[23] == " Pipe article to command: wc -w")
        let effects = driver.key(.enter)
        #expect(effects.count == 1)
        guard case .pipe(let command, let text)? = effects.first else { Issue.record("no pipe: \(effects)"); return }
        #expect(command == "wc -w")
        #expect(text.hasPrefix("Orchard growers turn to night harvests as heat builds\n"))
        #expect(text.contains("Under floodlights strung between the rows"))
        #expect(text.contains("the people picking them"))
        #expect(text.hasSuffix("\n"))
    }

    @Test func pipeNeedsACommandAndAnArticle() {
        let driver = reading()
        driver.command(.pipe)
        #expect(driver.key(.enter) == [])
        var empty = F.loadedState(rows: [])
        _ = reduce(&empty, .command(.pipe))
        #expect(empty.prompt == nil)
    }

    // MARK: Reading position

    @Test func leavingPartWaySavesThePositionAndMarksTheRowHalfRead() throws {
        let driver = reading()
        driver.command(.pageDown)
        let top = try #require(driver.state.reader?.top)
        #expect(top > 0)
        let effects = driver.command(.back)
        guard case .save(.position(let position, let id))? = effects.first else { Issue.record("no position: \(effects)"); return }
        #expect(id == F.identity(0))
        #expect(position > 0.02 && position < 0.95)
        #expect(driver.state.library[0].position == position)
        #expect(driver.state.library[0].isHalfRead)
        // Read and half-read: the half-read marker instead of the unread dot.
        driver.command(.down)
        let screen = Screen.render(driver.state)
        #expect(screen.lines[1].hasPrefix(" ◐  Orchard growers"))
        #expect(screen.lines[2].hasPrefix("    Why allies"))
    }

    @Test func comingBackRestoresThePosition() throws {
        let driver = reading()
        driver.command(.pageDown)
        let top = try #require(driver.state.reader?.top)
        driver.command(.back, .down, .up)                 // another article, then back to this one
        let reader = try #require(driver.state.reader)
        #expect(reader.path == F.path(0))
        #expect(abs(reader.top - top) <= 1)
        let percent = Int(driver.state.library[0].position * 100)
        #expect(driver.state.message == "Back where you left it (\(percent)%); g goes to the top.")
        #expect(lines(driver.state)[23].hasPrefix(" Back where you left it (\(percent)%); g goes to the top."))
        #expect(!lines(driver.state)[9].hasPrefix(" Orchard growers"))    // not the top of the article
    }

    @Test func anArticleReadToTheEndIsNotHalfReadAndOpensAtTheTop() {
        let driver = reading()
        driver.command(.last, .back)
        #expect(driver.state.library[0].position >= 0.95)
        #expect(!driver.state.library[0].isHalfRead)
        driver.command(.down, .up)
        #expect(driver.state.reader?.top == 0)
        #expect(lines(driver.state)[1].hasPrefix("    Orchard growers"))
    }

    @Test func aSavedPositionFromAnEarlierRunIsRestored() {
        var rows = F.rows
        rows[2].position = 0.5
        rows[2].isRead = true
        var state = F.loadedState(rows: rows)
        F.settle(&state, [.down, .down])
        #expect(state.reader?.path == F.path(2))
        // The short article fits the pane: there is nowhere to move to.
        #expect(state.reader?.top == 0)
        #expect(lines(state)[3].hasPrefix(" ◐  Glacier melt"))
    }

    // MARK: Read rule

    @Test func readRuleKeyLeavesOpenedArticlesUnreadUntilN() {
        var state = F.loadedState()
        state.readRule = .key
        let effects = F.settle(&state, .command(.open))
        #expect(!effects.contains { if case .setRead = $0 { return true }; return false })
        #expect(!state.library[0].isRead)
        _ = reduce(&state, .tick(F.now.addingTimeInterval(3600)))
        #expect(!state.library[0].isRead)
        #expect(reduce(&state, .command(.toggleRead)) == [.setRead(true, [F.identity(0)])])
        #expect(state.library[0].isRead)
    }

    @Test func readRuleAfterSecondsMarksReadOnceTheDelayHasPassed() {
        var state = F.loadedState()
        state.readRule = .after(seconds: 10)
        F.settle(&state, [.open])
        #expect(!state.library[0].isRead)
        #expect(reduce(&state, .tick(F.now.addingTimeInterval(9))) == [])
        #expect(!state.library[0].isRead)
        #expect(reduce(&state, .tick(F.now.addingTimeInterval(10))) == [.setRead(true, [F.identity(0)])])
        #expect(state.library[0].isRead && state.unreadCount == 7)
        #expect(reduce(&state, .tick(F.now.addingTimeInterval(20))) == [])   // once
        #expect(!lines(state)[1].hasPrefix(" ●"))
    }

    @Test func readRuleAfterSecondsDoesNotCountTimeInTheList() {
        var state = F.loadedState()
        state.readRule = .after(seconds: 10)
        F.settle(&state, [.open, .back])
        #expect(reduce(&state, .tick(F.now.addingTimeInterval(60))) == [])
        #expect(!state.library[0].isRead)
        // Opened again later: the clock starts again.
        _ = reduce(&state, .tick(F.now.addingTimeInterval(100)))
        F.settle(&state, [.open])
        #expect(reduce(&state, .tick(F.now.addingTimeInterval(105))) == [])
        #expect(reduce(&state, .tick(F.now.addingTimeInterval(110))) == [.setRead(true, [F.identity(0)])])
        #expect(lines(state)[1].hasPrefix("▌   Orchard growers"))
    }

    @Test func readRuleOpenMarksReadOnOpenOnly() {
        var state = F.loadedState()
        #expect(state.readRule == .open)
        F.settle(&state, [.down, .down])                  // previewing is not opening
        #expect(!state.library[2].isRead)
        let effects = F.settle(&state, .command(.open))
        #expect(effects.contains(.setRead(true, [F.identity(2)])))
        #expect(lines(state)[3].hasPrefix("▌   Glacier melt"))
    }
}
