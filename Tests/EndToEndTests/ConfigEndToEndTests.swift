import Foundation
import Testing

/// The configuration file through the real binary: a binding and a view take
/// effect, a bad line is named in the status line and skipped, and
/// `--dump-config` prints what is in effect.
@Suite(.enabled(if: TmuxSession.available, "tmux is not installed; end-to-end tests skipped"), .serialized)
struct ConfigEndToEndTests {
    let root: URL
    let library: URL
    let state: String
    let config: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-config-\(UUID().uuidString)")
        library = root.appendingPathComponent("library")
        state = root.appendingPathComponent("state.sqlite").path
        config = root.appendingPathComponent("config").path
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        let body = (1...5).map { _ in "The ferry service said on Monday that the timetable would change in the spring and that fares would stay the same." }
        for (name, title, date) in [("a.txt", "Harbour pilots train on the new tug", "2026-11-20"),
                                    ("b.txt", "Orchard growers pick fruit at night", "2026-11-10")] {
            try ([title, "", date, ""] + body).joined(separator: "\n\n").write(to: library.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try """
            # mine
            bind x toggle-read list
            bind y nxt-unread
            set date-format iso
            view orchards = orchard
            """.write(toFile: config, atomically: true, encoding: .utf8)
    }

    /// The reader's first line: the line below the separator of the stacked layout.
    static func readerTitle(_ screen: String) -> String? {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.firstIndex { $0.hasPrefix("────") }.flatMap { lines.indices.contains($0 + 1) ? String(lines[$0 + 1]) : nil }
    }

    @Test func bindingsViewsAndProblemsFromTheConfigFile() throws {
        let session = TmuxSession()
        session.start([TmuxSession.folioBinary, library.path, "--state", state, "--config", config])
        // (A screen is captured as tmux has it, so wait for all of it: the list may still be on its way.)
        let problem = "config:3: unknown action 'nxt-unread' (did you mean next-unread?)"
        #expect(session.waitFor { $0.contains("2 articles, 2 unread") && $0.contains(problem) && $0.contains("2026-11-20") } != nil,
                "the problem is not named, or date-format iso not applied: \(session.screen)")
        session.send("x")
        #expect(session.waitFor { $0.contains("2 articles, 1 unread") } != nil, "x did not toggle read: \(session.screen)")
        session.send("1")
        let view = try #require(session.waitFor { $0.contains("View 1, orchards: 1 article.") }, "view 1 did not apply: \(session.screen)")
        #expect(!view.contains("Harbour pilots"))
        session.send("q")
        #expect(session.waitUntilExited())
    }

    /// With `set mouse on`, a click on a row (sent as the terminal sends it) selects that article.
    @Test func mouseOnMakesAClickSelect() throws {
        try "set mouse on\n".write(toFile: config, atomically: true, encoding: .utf8)
        let session = TmuxSession()
        session.start([TmuxSession.folioBinary, library.path, "--state", state, "--config", config])
        #expect(session.waitFor { $0.contains("2 articles, 2 unread") && Self.readerTitle($0)?.contains("Harbour pilots") == true } != nil,
                "folio did not start with the first article in the reader: \(session.screen)")
        // Button 1 pressed and released on the second row of the list (screen row 3, column 11),
        // in the SGR encoding xterm-256color asks for.
        session.send("-l", "\u{1B}[<0;11;3M\u{1B}[<0;11;3m")
        #expect(session.waitFor { Self.readerTitle($0)?.contains("Orchard growers") == true } != nil,
                "the click did not select the second article: \(session.screen)")
        session.send("q")
        #expect(session.waitUntilExited())
    }

    /// The order chosen with `o` and `O` is the order of the next start, from its top.
    @Test func theSortOrderIsRememberedBetweenRuns() throws {
        let first = TmuxSession()
        first.start([TmuxSession.folioBinary, library.path, "--state", state, "--config", config])
        func row(_ screen: String, _ n: Int) -> String { String(screen.split(separator: "\n")[n]) }
        #expect(first.waitFor { $0.contains("2 articles, 2 unread") && row($0, 1).contains("Harbour pilots") } != nil,
                "not newest first: \(first.screen)")
        first.send("o")
        first.send("O")
        #expect(first.waitFor { $0.contains("by title, reversed") } != nil)
        first.send("q")
        #expect(first.waitUntilExited())

        let second = TmuxSession()
        second.start([TmuxSession.folioBinary, library.path, "--state", state, "--config", config])
        #expect(second.waitFor {
            $0.contains("by title, reversed") && row($0, 1).contains("Orchard growers") && row($0, 2).contains("Harbour pilots")
                && Self.readerTitle($0)?.contains("Orchard growers") == true
        } != nil, "the order or the top row was not kept: \(second.screen)")
        second.send("q")
        #expect(second.waitUntilExited())
    }

    @Test func dumpConfigPrintsWhatIsInEffectAndNamesProblems() throws {
        let (out, err) = Shell.runCapturingBoth([TmuxSession.folioBinary, "--dump-config", "--config", config])
        #expect(out.contains("set date-format iso"))
        #expect(out.contains("bind x toggle-read list"))
        #expect(out.contains("view orchards = orchard"))
        #expect(!out.contains("nxt-unread"))
        #expect(err.contains("config:3: unknown action 'nxt-unread'"))
    }
}
