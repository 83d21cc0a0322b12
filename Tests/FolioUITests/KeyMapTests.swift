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
    @Test func noPaneBindingHidesAGlobalOne() {
        let global = Set(map.rows.filter { $0.context == .global }.flatMap(\.keys))
        for row in map.rows where row.context == .list || row.context == .reader {
            for key in row.keys { #expect(!global.contains(key), "\(row.context) \(key.name) hides a global key") }
        }
    }

    @Test func everyCommandHasAKey() {
        let bound = Set(map.rows.map(\.command))
        for command in Command.allCases { #expect(bound.contains(command), "\(command.rawValue) has no key") }
        for row in map.rows { #expect(!row.keys.isEmpty, "\(row.command.rawValue) in \(row.context)") }
    }

    @Test func everyCommandOfTheDefaultMapIsOnTheHelpScreen() {
        // Tall enough to show the whole help at once.
        var state = Fixtures.loadedState(width: 100, height: 50)
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
        for title in ["In the list", "In the reader", "Everywhere", "In this help"] {
            #expect(screen.contains(" " + title))
        }
    }

    @Test func helpLinesListEveryRowOnce() {
        let lines = HelpScreen.lines(for: map, theme: .standard).map(\.plainText)
        let rowLines = lines.filter { $0.hasSuffix(")") }
        #expect(rowLines.count == map.rows.count)
    }

    @Test func lookupUsesTheContextThenGlobal() {
        #expect(map.command(for: .char("q"), in: .list) == .quit)
        #expect(map.command(for: .char("q"), in: .reader) == .back)
        #expect(map.command(for: .char("q"), in: .help) == .closeHelp)
        #expect(map.command(for: .char("n"), in: .list) == .nextUnread)
        #expect(map.command(for: .char("n"), in: .reader) == .nextUnread)
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
        #expect(text(.list) == ["j/↓ move", "Enter/l open", "q quit", "n next unread", "N toggle read", "?/F1 help"])
        #expect(text(.reader) == ["j/↓ scroll", "Space/PgDn page", "h/← back", "n next unread", "N toggle read", "?/F1 help"])
        #expect(text(.help) == ["j/↓ scroll", "?/q close help"])
    }
}
