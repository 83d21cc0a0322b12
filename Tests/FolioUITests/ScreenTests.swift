import Foundation
import Testing
import FolioCore
import TermKit
@testable import FolioUI

/// Whole screens rendered by `Screen.render` and compared as text with goldens
/// that were checked by eye. Trailing spaces are not part of a line.
@Suite struct ScreenTests {
    typealias F = Fixtures

    func expectScreen(_ state: AppState, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = Screen.render(state)
        #expect(actual.size == state.size, sourceLocation: sourceLocation)
        #expect(actual.lines.count == state.size.height, sourceLocation: sourceLocation)
        #expect(actual.screenText == expected, sourceLocation: sourceLocation)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for (y, line) in actual.lines.enumerated() where y >= want.count || want[y] != line {
            Issue.record("first different row \(y): \(line.debugDescription)", sourceLocation: sourceLocation)
            break
        }
    }

    // MARK: Layouts

    @Test func stackedAtEightyByTwentyFour() {
        expectScreen(F.loadedState(), """
         folio ─ ~/Articles ─ 12 articles, 8 unread                              ? help
         ●  Orchard growers turn to night harvests as heat … Valley Ledg…   22 Jul   1m
            Why allies matter in a trade war                 cnn.com        12 Apr   3m
         ●  Glacier melt is reshaping alpine hydropower pla… example.org     9 Mar   3m
         ●  Port cities race to electrify their harbours     Harbour Dai…   14 Feb   4m
            The return of the night train                    Rail Review    30 Jan   5m
         ●  Urban beekeepers count a record honey harvest    City Notes   Dec 2025   2m
         ●  A short history of typesetting on terminals                   Nov 2025  10m
        ────────────────────────────────────────────────────────────────────────────────
         Orchard growers turn to night harvests as heat builds
         Priya Raman · The Valley Ledger · 22 July 2026 · 1 min

         Under floodlights strung between the rows, pickers move through the pear
         orchard at two in the morning, when the air has finally cooled to something
         bearable.

         Growers across the valley have shifted work to the night shift for the third
         summer running. Daytime temperatures above 38 °C make the work dangerous, and
         fruit picked in the heat bruises more easily.

         The change has not been simple. Night work needs lighting, transport for crews
         who no longer ride the morning bus, and supervisors willing to keep owl's
         hours.
         j/↓ move  Enter/→ open  l limit  q quit  n next unread  N toggle read      Top
        """)
    }

    @Test func sideBySideAtOneTwentyByThirty() {
        expectScreen(F.loadedState(width: 120, height: 30), """
         folio ─ ~/Articles ─ 12 articles, 8 unread                                                                      ? help
         ●  Orchard growers turn to nigh…   22 Jul   1m │ Orchard growers turn to night harvests as heat builds
            Why allies matter in a trade…   12 Apr   3m │ Priya Raman · The Valley Ledger · 22 July 2026 · 1 min
         ●  Glacier melt is reshaping al…    9 Mar   3m │
         ●  Port cities race to electrif…   14 Feb   4m │ Under floodlights strung between the rows, pickers move through the
            The return of the night train   30 Jan   5m │ pear orchard at two in the morning, when the air has finally cooled
         ●  Urban beekeepers count a rec… Dec 2025   2m │ to something bearable.
         ●  A short history of typesetti… Nov 2025  10m │
            Rivers that run backwards     Oct 2025   2m │ Growers across the valley have shifted work to the night shift for
         ●  Ten soups for the first cold… Sep 2025   1m │ the third summer running. Daytime temperatures above 38 °C make the
         ●  日本の将棋と西洋のチェス      Aug 2025   3m │ work dangerous, and fruit picked in the heat bruises more easily.
         ●  An extremely long title that… Jul 2025  13m │
            The last article              Jun 2025   1m │ The change has not been simple. Night work needs lighting, transport
                                                        │ for crews who no longer ride the morning bus, and supervisors willing
                                                        │ to keep owl's hours.
                                                        │
                                                        │ Some orchards have invested in battery-powered lamps that can be
                                                        │ moved from block to block; others rent diesel towers that hum until
                                                        │ dawn and annoy the neighbours.
                                                        │
                                                        │ Pickers say the cooler hours are a relief, though sleeping through
                                                        │ the day in a hot house brings problems of its own.
                                                        │
                                                        │ Researchers at the regional agricultural college are measuring
                                                        │ whether fruit harvested at night keeps longer in storage. Early
                                                        │ results suggest it does, by several days.
                                                        │
                                                        │ For now, the floodlights will stay. As one grower put it, the trees
                                                        │ do not care what time it is, and the people picking them should not
         j/↓ move  Enter/→ open  l limit  q quit  n next unread  N toggle read  ?/F1 help                                   Top
        """)
    }

    @Test func sideBySideWithAnotherArticleOpen() {
        var state = F.loadedState(width: 120, height: 30)
        F.settle(&state, [.down, .down, .open])
        expectScreen(state, """
         folio ─ ~/Articles ─ 12 articles, 7 unread                                                                      ? help
         ●  Orchard growers turn to nigh…   22 Jul   1m │ Glacier melt is reshaping alpine hydropower plans
            Why allies matter in a trade…   12 Apr   3m │ example.org · 9 March 2026 · 1 min
        ▌   Glacier melt is reshaping al…    9 Mar   3m │
         ●  Port cities race to electrif…   14 Feb   4m │ This is the text of glacier melt is reshaping alpine hydropower
            The return of the night train   30 Jan   5m │ plans. It is short.
         ●  Urban beekeepers count a rec… Dec 2025   2m │
         ●  A short history of typesetti… Nov 2025  10m │ A second paragraph closes it.
            Rivers that run backwards     Oct 2025   2m │
         ●  Ten soups for the first cold… Sep 2025   1m │
         ●  日本の将棋と西洋のチェス      Aug 2025   3m │
         ●  An extremely long title that… Jul 2025  13m │
            The last article              Jun 2025   1m │
                                                        │
                                                        │
                                                        │
                                                        │
                                                        │
                                                        │
                                                        │
                                                        │
                                                        │
                                                        │
                                                        │
                                                        │
                                                        │
                                                        │
                                                        │
                                                        │
         j/↓ scroll  Space/PgDn page  h/← back  n next unread  N toggle read  ?/F1 help                                     All
        """)
    }

    @Test func sideBySideAtOneSixtyByForty() {
        expectScreen(F.loadedState(width: 160, height: 40), """
         folio ─ ~/Articles ─ 12 articles, 8 unread                                                                                                              ? help
         ●  Orchard growers turn to night harv… Valley L…   22 Jul   1m │ Orchard growers turn to night harvests as heat builds
            Why allies matter in a trade war    cnn.com     12 Apr   3m │ Priya Raman · The Valley Ledger · 22 July 2026 · 1 min
         ●  Glacier melt is reshaping alpine h… example.…    9 Mar   3m │
         ●  Port cities race to electrify thei… Harbour …   14 Feb   4m │ Under floodlights strung between the rows, pickers move through the pear orchard at two in
            The return of the night train       Rail Rev…   30 Jan   5m │ the morning, when the air has finally cooled to something bearable.
         ●  Urban beekeepers count a record ho… City Not… Dec 2025   2m │
         ●  A short history of typesetting on …           Nov 2025  10m │ Growers across the valley have shifted work to the night shift for the third summer running.
            Rivers that run backwards           Geo Week… Oct 2025   2m │ Daytime temperatures above 38 °C make the work dangerous, and fruit picked in the heat
         ●  Ten soups for the first cold week   Kitchen … Sep 2025   1m │ bruises more easily.
         ●  日本の将棋と西洋のチェス            asahi.com Aug 2025   3m │
         ●  An extremely long title that will … Very Lon… Jul 2025  13m │ The change has not been simple. Night work needs lighting, transport for crews who no longer
            The last article                              Jun 2025   1m │ ride the morning bus, and supervisors willing to keep owl's hours.
                                                                        │
                                                                        │ Some orchards have invested in battery-powered lamps that can be moved from block to block;
                                                                        │ others rent diesel towers that hum until dawn and annoy the neighbours.
                                                                        │
                                                                        │ Pickers say the cooler hours are a relief, though sleeping through the day in a hot house
                                                                        │ brings problems of its own.
                                                                        │
                                                                        │ Researchers at the regional agricultural college are measuring whether fruit harvested at
                                                                        │ night keeps longer in storage. Early results suggest it does, by several days.
                                                                        │
                                                                        │ For now, the floodlights will stay. As one grower put it, the trees do not care what time it
                                                                        │ is, and the people picking them should not have to suffer the afternoon.
                                                                        │
                                                                        │
                                                                        │
                                                                        │
                                                                        │
                                                                        │
                                                                        │
                                                                        │
                                                                        │
                                                                        │
                                                                        │
                                                                        │
                                                                        │
                                                                        │
         j/↓ move  Enter/→ open  l limit  q quit  n next unread  N toggle read  ?/F1 help                                                                           All
        """)
    }

    @Test func zoomedReaderIsCentredAndCapped() {
        var state = F.loadedState(width: 160, height: 40)
        F.settle(&state, [.zoom])
        expectScreen(state, """
         folio ─ ~/Articles ─ 12 articles, 7 unread                                                                                                              ? help
                                      Orchard growers turn to night harvests as heat builds
                                      Priya Raman · The Valley Ledger · 22 July 2026 · 1 min

                                      Under floodlights strung between the rows, pickers move through the pear orchard at two in the
                                      morning, when the air has finally cooled to something bearable.

                                      Growers across the valley have shifted work to the night shift for the third summer running. Daytime
                                      temperatures above 38 °C make the work dangerous, and fruit picked in the heat bruises more easily.

                                      The change has not been simple. Night work needs lighting, transport for crews who no longer ride
                                      the morning bus, and supervisors willing to keep owl's hours.

                                      Some orchards have invested in battery-powered lamps that can be moved from block to block; others
                                      rent diesel towers that hum until dawn and annoy the neighbours.

                                      Pickers say the cooler hours are a relief, though sleeping through the day in a hot house brings
                                      problems of its own.

                                      Researchers at the regional agricultural college are measuring whether fruit harvested at night
                                      keeps longer in storage. Early results suggest it does, by several days.

                                      For now, the floodlights will stay. As one grower put it, the trees do not care what time it is, and
                                      the people picking them should not have to suffer the afternoon.















         j/↓ scroll  Space/PgDn page  h/← back  n next unread  N toggle read  ?/F1 help                                                                             All
        """)
    }

    @Test func readerScrolledDownShowsThePercentage() {
        var state = F.loadedState()
        F.settle(&state, [.open, .pageDown])
        expectScreen(state, """
         folio ─ ~/Articles ─ 12 articles, 7 unread                              ? help
        ▌   Orchard growers turn to night harvests as heat … Valley Ledg…   22 Jul   1m
            Why allies matter in a trade war                 cnn.com        12 Apr   3m
         ●  Glacier melt is reshaping alpine hydropower pla… example.org     9 Mar   3m
         ●  Port cities race to electrify their harbours     Harbour Dai…   14 Feb   4m
            The return of the night train                    Rail Review    30 Jan   5m
         ●  Urban beekeepers count a record honey harvest    City Notes   Dec 2025   2m
         ●  A short history of typesetting on terminals                   Nov 2025  10m
        ────────────────────────────────────────────────────────────────────────────────
         hours.

         Some orchards have invested in battery-powered lamps that can be moved from
         block to block; others rent diesel towers that hum until dawn and annoy the
         neighbours.

         Pickers say the cooler hours are a relief, though sleeping through the day in
         a hot house brings problems of its own.

         Researchers at the regional agricultural college are measuring whether fruit
         harvested at night keeps longer in storage. Early results suggest it does, by
         several days.

         For now, the floodlights will stay. As one grower put it, the trees do not
         j/↓ scroll  Space/PgDn page  h/← back  n next unread  N toggle read        93%
        """)
    }

    @Test func messageInTheStatusBar() {
        var state = F.loadedState()
        F.settle(&state, [.markAllRead])
        expectScreen(state, """
         folio ─ ~/Articles ─ 12 articles, 0 unread                              ? help
            Orchard growers turn to night harvests as heat … Valley Ledg…   22 Jul   1m
            Why allies matter in a trade war                 cnn.com        12 Apr   3m
            Glacier melt is reshaping alpine hydropower pla… example.org     9 Mar   3m
            Port cities race to electrify their harbours     Harbour Dai…   14 Feb   4m
            The return of the night train                    Rail Review    30 Jan   5m
            Urban beekeepers count a record honey harvest    City Notes   Dec 2025   2m
            A short history of typesetting on terminals                   Nov 2025  10m
        ────────────────────────────────────────────────────────────────────────────────
         Orchard growers turn to night harvests as heat builds
         Priya Raman · The Valley Ledger · 22 July 2026 · 1 min

         Under floodlights strung between the rows, pickers move through the pear
         orchard at two in the morning, when the air has finally cooled to something
         bearable.

         Growers across the valley have shifted work to the night shift for the third
         summer running. Daytime temperatures above 38 °C make the work dangerous, and
         fruit picked in the heat bruises more easily.

         The change has not been simple. Night work needs lighting, transport for crews
         who no longer ride the morning bus, and supervisors willing to keep owl's
         hours.
         Marked 8 articles read (u undoes).                                         Top
        """)
    }

    @Test func articleThatCouldNotBeRead() {
        var state = F.loadedState()
        _ = reduce(&state, .command(.down))
        _ = reduce(&state, .articleLoaded(path: F.path(1), .failure(F.failure("file is not valid UTF-8 and has no charset"))))
        expectScreen(state, """
         folio ─ ~/Articles ─ 12 articles, 8 unread                              ? help
         ●  Orchard growers turn to night harvests as heat … Valley Ledg…   22 Jul   1m
            Why allies matter in a trade war                 cnn.com        12 Apr   3m
         ●  Glacier melt is reshaping alpine hydropower pla… example.org     9 Mar   3m
         ●  Port cities race to electrify their harbours     Harbour Dai…   14 Feb   4m
            The return of the night train                    Rail Review    30 Jan   5m
         ●  Urban beekeepers count a record honey harvest    City Notes   Dec 2025   2m
         ●  A short history of typesetting on terminals                   Nov 2025  10m
        ────────────────────────────────────────────────────────────────────────────────
         Could not read trade-war.html: file is not valid UTF-8 and has no charset













         j/↓ move  Enter/→ open  l limit  q quit  n next unread  N toggle read      All
        """)
    }

    @Test func emptyLibrary() {
        expectScreen(F.loadedState(rows: []), """
         folio ─ ~/Articles ─ 0 articles, 0 unread                               ? help
         No articles here.
         folio reads .txt, .md and .html files.





        ────────────────────────────────────────────────────────────────────────────────














         j/↓ move  Enter/→ open  l limit  q quit  n next unread  N toggle read
        """)
    }

    @Test func smallestScreenStillShowsEveryPart() {
        expectScreen(F.loadedState(width: 20, height: 6), """
         folio ─ 12 article…
         ●  Orchard grower…
        ────────────────────
         Orchard growers
         turn to night
         j/↓ move       Top
        """)
    }

    @Test(arguments: [(19, 5), (19, 6), (20, 5)])
    func tooSmallScreen(width: Int, height: Int) {
        let expected = ["terminal too small", "need 20×6"] + Array(repeating: "", count: height - 2)
        expectScreen(F.loadedState(width: width, height: height), expected.joined(separator: "\n"))
    }

    @Test func tooSmallAtNineteenByFive() {
        expectScreen(F.loadedState(width: 19, height: 5), """
        terminal too small
        need 20×6



        """)
    }

    // MARK: Help

    @Test func helpScreen() {
        var state = F.loadedState()
        F.settle(&state, [.help])
        let lines = Screen.render(state).lines
        // Rows 15 and 17 are longer than 80 columns: see helpLinesFitEightyColumns.
        let expected = """
         folio ─ ~/Articles ─ 12 articles, 8 unread                              ? help
         folio keys

         In the list
           j ↓                    Next article  (down)
           k ↑                    Previous article  (up)
           g Home                 First article  (top)
           G End                  Last article  (bottom)
           PgDn ^F                Page down  (page-down)
           PgUp ^B                Page up  (page-up)
           ^D                     Half a page down  (half-page-down)
           ^U                     Half a page up  (half-page-up)
           Enter →                Open the article in the reader  (open)
           l                      Limit the list to articles matching a query  (limit)
           /                      Search the text of all articles  (search)
        (too wide)
           O                      Reverse the order  (reverse-sort)
        (too wide)
           1                      Show view 1 from the configuration  (view-1)
           2                      Show view 2  (view-2)
           3                      Show view 3  (view-3)
           4                      Show view 4  (view-4)
           5                      Show view 5  (view-5)
         j/↓ scroll  ?/q close help
        """.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 24)
        for (y, line) in expected.enumerated() where line != "(too wide)" {
            #expect(lines[y] == line, "row \(y)")
        }
        #expect(lines[15] == "   o                      Sort by date, title, source, time, unread  (sort)")
        #expect(lines[17] == "   t                      Mark for a bulk s, a, d, N, + or -  (mark)")
        // The reader is hidden behind the help, so its position ("Top") must not show.
        #expect(lines.last == " j/↓ scroll  ?/q close help")
    }

    /// Every binding of the help screen is readable at 80 columns (the
    /// primary size), command name included.
    @Test func helpLinesFitEightyColumns() {
        let lines = HelpScreen.lines(for: .standard, theme: .standard).map(\.plainText)
        let tooWide = lines.filter { DisplayWidth.of($0) > 79 }   // the help is drawn one column in
        #expect(tooWide == [])
    }

    @Test func helpScrolledToTheEnd() {
        var state = F.loadedState()
        F.settle(&state, [.help, .pageDown, .pageDown, .pageDown, .pageDown])
        #expect(state.helpTop == 70)
        let lines = Screen.render(state).lines
        // 92 help lines in 22 rows: the last page shows lines 70…91.
        #expect(Array(lines[2...13]) == ["   y                      Copy the link to the clipboard  (yank)",
                                         "   1                      Open link 1 (1–9 likewise)  (view-1)",
                                         "   2                      Open link 2  (view-2)",
                                         "   3                      Open link 3  (view-3)",
                                         "   4                      Open link 4  (view-4)",
                                         "   5                      Open link 5  (view-5)",
                                         "   6                      Open link 6  (view-6)",
                                         "   7                      Open link 7  (view-7)",
                                         "   8                      Open link 8  (view-8)",
                                         "   9                      Open link 9  (view-9)",
                                         "   q Esc h ← L            Close the links  (back)",
                                         "   Q                      Quit from anywhere  (quit-all)"])
        #expect(lines[15] == " In this help")
        #expect(lines[20] == "   ? q Esc Enter F1       Close help  (close-help)")
        #expect(lines[21] == "   Q                      Quit from anywhere  (quit-all)")
        #expect(lines[22] == "")
    }

    // MARK: Styles

    func style(_ buffer: Buffer, _ x: Int, _ y: Int) -> Attributes { buffer[x, y].style.attributes }

    @Test func unreadRowsAreBoldAndReadRowsAreNot() {
        var state = F.loadedState()
        F.settle(&state, [.open])                    // the selection no longer reverses a row
        let screen = Screen.render(state)
        // Row 3 on screen is article 2 (unread); row 2 is article 1 (read).
        #expect(screen.text(ofRow: 3).hasPrefix(" ●  Glacier"))
        for x in 4..<52 { #expect(style(screen, x, 3).contains(.bold), "unread title column \(x)") }
        #expect(screen.text(ofRow: 2).hasPrefix("    Why allies"))
        for x in 0..<80 {
            #expect(!style(screen, x, 2).contains(.bold), "read row column \(x)")
            #expect(!style(screen, x, 2).contains(.reverse), "read row column \(x)")
        }
        // Opening marked article 0 read: its title is no longer bold.
        #expect(!style(screen, 4, 1).contains(.bold))
        #expect(screen[1, 3].symbol == "●" && screen[1, 3].style.foreground == .ansi(6))
    }

    @Test func selectedRowIsReversedWhenTheListHasFocus() {
        var state = F.loadedState()
        F.settle(&state, [.down, .down])
        let screen = Screen.render(state)
        for x in 0..<80 {
            #expect(style(screen, x, 3).contains(.reverse), "selected row column \(x)")
            #expect(!style(screen, x, 2).contains(.reverse), "row above column \(x)")
            #expect(!style(screen, x, 4).contains(.reverse), "row below column \(x)")
        }
        #expect(style(screen, 4, 3) == [.bold, .reverse])      // unread title, selected
        #expect(style(screen, 60, 3) == [.dim, .reverse])      // date, selected
        #expect(screen[0, 3].symbol == " ")
    }

    @Test func selectionIsABarWhenTheReaderHasFocus() {
        var state = F.loadedState()
        F.settle(&state, [.down, .down, .open])
        let screen = Screen.render(state)
        for x in 0..<80 { #expect(!style(screen, x, 3).contains(.reverse), "column \(x)") }
        #expect(screen[0, 3].symbol == "▌")
        #expect(style(screen, 0, 3) == .bold)
    }

    @Test func focusedPaneSeparatorIsBold() {
        var state = F.loadedState()
        #expect(style(Screen.render(state), 10, 8) == .dim)
        F.settle(&state, [.open])
        #expect(style(Screen.render(state), 10, 8) == .bold)
        var wide = F.loadedState(width: 120, height: 30)
        #expect(Screen.render(wide)[48, 5].symbol == "│")
        #expect(style(Screen.render(wide), 48, 5) == .dim)
        F.settle(&wide, [.open])
        #expect(style(Screen.render(wide), 48, 5) == .bold)
    }

    @Test func readerAndBarStyles() {
        var state = F.loadedState()
        let screen = Screen.render(state)
        #expect(style(screen, 1, 9) == .bold)         // article title
        #expect(style(screen, 1, 10) == .dim)         // byline
        #expect(style(screen, 1, 12) == [])           // body text
        #expect(style(screen, 1, 0) == .bold)         // title bar
        #expect(style(screen, 75, 0) == .dim)         // "? help"
        #expect(style(screen, 1, 23) == .bold)        // key in the hints
        #expect(style(screen, 5, 23) == .dim)         // hint text
        F.settle(&state, [.toggleRead])
        #expect(style(Screen.render(state), 2, 23) == .bold)   // message
    }

    @Test func titleBarCountsUnreadableFiles() {
        var state = F.loadedState()
        state.problemCount = 2
        #expect(Screen.render(state).lines[0] == " folio ─ ~/Articles ─ 12 articles, 8 unread ─ 2 unreadable               ? help")
    }

    @Test func noColorThemeHasNoColours() {
        var state = F.loadedState()
        state.theme = Theme.standard.withoutColors
        F.settle(&state, [.down, .down])
        let screen = Screen.render(state)
        #expect(screen.cells.allSatisfy { $0.style.foreground == .default && $0.style.background == .default })
        #expect(screen.lines == Screen.render({ var s = state; s.theme = .standard; return s }()).lines)
        #expect(screen[4, 3].style.attributes == [.bold, .reverse])   // bold and reverse still mark unread and selection
    }

    @Test(arguments: [(0, 0), (1, 1), (5, 2), (19, 40), (200, 5), (20, 6), (30, 7)])
    func anySizeRendersWithoutTrouble(width: Int, height: Int) {
        var state = F.loadedState(width: width, height: height)
        F.settle(&state, [.open, .pageDown, .zoom])
        let screen = Screen.render(state)
        #expect(screen.size == Size(width: width, height: height))
        #expect(screen.lines.count == height)
        for line in screen.lines { #expect(DisplayWidth.of(line) <= width) }
    }

    @Test func renderingIsPure() {
        let state = F.loadedState(width: 120, height: 30)
        #expect(Screen.render(state) == Screen.render(state))
    }
}
