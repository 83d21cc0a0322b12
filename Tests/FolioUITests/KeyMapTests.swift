import Testing
import FolioCore
import TermKit
@testable import FolioUI

@Suite struct KeyMapTests {
    let map = KeyMap.standard

    /// Keys bound to more than one command within one context, as "context key: a, b".
    func conflicts(in map: KeyMap) -> [String] {
        var found: [String] = []
        for context in KeyContext.allCases {
            var commands: [Key: Command] = [:]
            for row in map.rows where row.context == context {
                for key in row.keys {
                    if let other = commands[key], other != row.command {
                        found.append("\(context) \(key.name): \(other.rawValue), \(row.command.rawValue)")
                    }
                    commands[key] = row.command
                }
            }
        }
        return found
    }

    @Test func noKeyIsBoundTwiceInOneContext() {
        #expect(conflicts(in: map) == [])
    }

    @Test func theConflictCheckCatchesADuplicate() {
        var rows = map.rows
        rows.append(KeyMap.Row(.zoom, [.char("j")], .reader, "Zoom (a mistake)"))
        #expect(conflicts(in: KeyMap(rows: rows)) == ["reader j: down, zoom"])
        // The same key for the same command twice is harmless.
        rows.removeLast()
        rows.append(KeyMap.Row(.down, [.char("j")], .reader, "Down again"))
        #expect(conflicts(in: KeyMap(rows: rows)) == [])
    }

    /// A list or reader binding that reused a global key would silently hide the global command there.
    /// The only exceptions are n and N in the reader: find-next and find-previous, which fall back
    /// to next-unread and toggle-read when nothing is being found (see ReaderFeatureTests).
    @Test func noPaneBindingHidesAGlobalOne() {
        let global = Dictionary(map.rows.filter { $0.context == .global }.flatMap { row in row.keys.map { ($0, row.command) } },
                                uniquingKeysWith: { a, _ in a })
        let fallbacks: [Command: Command] = [.findNext: .nextUnread, .findPrevious: .toggleRead]
        var hidden: [String] = []
        for row in map.rows where row.context == .list || row.context == .reader {
            for key in row.keys {
                guard let globalCommand = global[key] else { continue }
                if row.context == .reader, fallbacks[row.command] == globalCommand { continue }
                hidden.append("\(row.context) \(key.name): \(row.command.rawValue) hides \(globalCommand.rawValue)")
            }
        }
        #expect(hidden == [])
        #expect(map.command(for: .char("n"), in: .reader) == .findNext)
        #expect(map.command(for: .char("N"), in: .reader) == .findPrevious)
    }

    @Test func everyCommandHasAKey() {
        let bound = Set(map.rows.map(\.command))
        for command in Command.allCases { #expect(bound.contains(command), "\(command.rawValue) has no key") }
        for row in map.rows { #expect(!row.keys.isEmpty, "\(row.command.rawValue) in \(row.context)") }
    }

    @Test func everyCommandOfTheDefaultMapIsOnTheHelpScreen() {
        // Tall enough to show the whole help at once.
        var state = Fixtures.loadedState(width: 100, height: 100)
        Fixtures.settle(&state, [.help])
        let screen = Screen.render(state).lines
        for command in Set(map.rows.map(\.command)) {
            #expect(screen.contains { $0.hasSuffix("(\(command.rawValue))") }, "\(command.rawValue)")
        }
        for row in map.rows {
            let keys = row.keys.map(\.label).joined(separator: " ")
            let line = "   " + keys.padding(toLength: 22, withPad: " ", startingAt: 0) + " " + row.help + "  (" + row.command.rawValue + ")"
            #expect(screen.contains(line), "\(line)")
        }
        for title in ["In the list", "In the reader", "Everywhere", "In the list of links (L)", "In this help"] {
            #expect(screen.contains(" " + title))
        }
    }

    @Test func helpLinesListEveryRowOnce() {
        let lines = HelpScreen.lines(for: map, theme: .standard).map(\.plainText)
        // Binding lines are indented (section titles such as "In the list of links (L)" are not).
        let rowLines = lines.filter { $0.hasPrefix("  ") && $0.hasSuffix(")") }
        #expect(rowLines.count == map.rows.count)
        #expect(lines.filter { !$0.isEmpty && !$0.hasPrefix(" ") } ==
                ["folio keys", "In the list", "In the reader", "Everywhere", "In the list of links (L)", "In this help"])
    }

    @Test func lookupUsesTheContextThenGlobal() {
        #expect(map.command(for: .char("q"), in: .list) == .quit)
        #expect(map.command(for: .char("q"), in: .reader) == .back)
        #expect(map.command(for: .char("q"), in: .help) == .closeHelp)
        #expect(map.command(for: .char("n"), in: .list) == .nextUnread)
        #expect(map.command(for: .char("n"), in: .reader) == .findNext)   // falls back to next-unread when not finding
        #expect(map.command(for: .char("p"), in: .reader) == .previousUnread)
        #expect(map.command(for: .char("l"), in: .list) == .limit)       // l no longer opens
        #expect(map.command(for: .right, in: .list) == .open)
        #expect(map.command(for: .char("/"), in: .list) == .search)
        #expect(map.command(for: .char("/"), in: .reader) == .find)
        #expect(map.command(for: .char("F"), in: .reader) == .search)
        #expect(map.command(for: .char("u"), in: .list) == .undo)
        #expect(map.command(for: .ctrl("r"), in: .reader) == .redo)
        #expect(map.command(for: .char("t"), in: .list) == .mark)
        #expect(map.command(for: .char("t"), in: .reader) == nil)
        #expect(map.command(for: .char("1"), in: .list) == .view1)
        #expect(map.command(for: .char("1"), in: .links) == .view1)    // link 1
        #expect(map.command(for: .char("o"), in: .list) == .sort)
        #expect(map.command(for: .char("o"), in: .links) == .openLink)
        #expect(map.command(for: .enter, in: .links) == .openLink)
        #expect(map.command(for: .char("y"), in: .links) == .yank)
        #expect(map.command(for: .char("L"), in: .links) == .back)
        #expect(map.command(for: .char("s"), in: .links) == nil)        // links have no global fallback
        #expect(map.command(for: .char("n"), in: .help) == nil)        // help has no global fallback
        #expect(map.command(for: .enter, in: .list) == .open)
        #expect(map.command(for: .enter, in: .reader) == .down)
        #expect(map.command(for: .char(" "), in: .reader) == .pageDown)
        #expect(map.command(for: .char(" "), in: .list) == nil)
        #expect(map.command(for: .char("x"), in: .list) == nil)
        #expect(map.command(for: .function(1), in: .help) == .closeHelp)
        #expect(map.command(for: .char("Q"), in: .help) == .quitAll)
    }

    @Test func everyBindingIsWhatLookupReturns() {
        for row in map.rows {
            for key in row.keys { #expect(map.command(for: key, in: row.context) == row.command, "\(row.context) \(key.name)") }
        }
    }

    @Test func hintsForEachContext() {
        func text(_ context: KeyContext) -> [String] { map.hints(for: context).map { $0.keys + " " + $0.text } }
        #expect(text(.list) == ["j/↓ move", "Enter/→ open", "l limit", "q quit", "n next unread", "N toggle read", "?/F1 help"])
        #expect(text(.reader) == ["j/↓ scroll", "Space/PgDn page", "h/← back", "n next unread", "N toggle read", "?/F1 help"])
        #expect(text(.help) == ["j/↓ scroll", "?/q close help"])
        #expect(text(.links) == ["j/↓ move", "Enter/o open", "y copy", "q/Esc close"])
    }
}
