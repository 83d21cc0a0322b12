import Foundation
import Testing

/// The real binary in a real terminal (tmux): open an article, quit, start
/// again and see it read; the same after kill -9 and after a dropped terminal.
@Suite(.enabled(if: TmuxSession.available, "tmux is not installed; end-to-end tests skipped"), .serialized)
struct ReadStateEndToEndTests {
    let library: URL
    let state: String

    init() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-e2e-\(UUID().uuidString)")
        library = root.appendingPathComponent("library")
        state = root.appendingPathComponent("state.sqlite").path
        try FileManager.default.createDirectory(at: library.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Self.article("Alpha harbour opens a new ferry berth", date: "2026-11-20").write(to: library.appendingPathComponent("alpha.txt"), atomically: true, encoding: .utf8)
        try Self.article("Beta orchard growers pick fruit at night", date: "2026-11-10").write(to: library.appendingPathComponent("sub/beta.txt"), atomically: true, encoding: .utf8)
        try Self.article("Gamma glacier melt changes river flows", date: "2026-10-01").write(to: library.appendingPathComponent("gamma.txt"), atomically: true, encoding: .utf8)
    }

    static func article(_ title: String, date: String) -> String {
        let sentence = "The council said on Tuesday that the work would continue through the winter and that residents would be told of any changes to the plan."
        return "\(title)\n\n\(date)\n\n" + (1...6).map { _ in sentence }.joined(separator: "\n\n") + "\n"
    }

    func folio(_ session: TmuxSession) {
        session.start([TmuxSession.folioBinary, library.path, "--state", state])
    }

    func listJSON() throws -> [[String: Any]] {
        let out = try #require(Shell.run([TmuxSession.folioBinary, "list", library.path, "--json", "--state", state]))
        return try #require(JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
    }

    func readTitles() throws -> Set<String> {
        Set(try listJSON().filter { $0["read"] as? Bool == true }.compactMap { $0["title"] as? String })
    }

    /// Alive and not a zombie waiting for tmux to reap it.
    static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return !stat[close...].hasPrefix(") Z")
    }

    @Test func openQuitRestartShowsArticleRead() throws {
        let session = TmuxSession()
        folio(session)
        #expect(session.waitFor { $0.contains("3 articles, 3 unread") && $0.contains("Alpha harbour") } != nil, "folio did not start: \(session.screen)")
        session.send("Enter")
        #expect(session.waitFor { $0.contains("3 articles, 2 unread") } != nil)
        session.send("q")
        session.send("q")
        #expect(session.waitUntilExited(), "q q did not quit")

        let again = TmuxSession()
        folio(again)
        let screen = try #require(again.waitFor { $0.contains("3 articles, 2 unread") }, "state was not kept: \(again.screen)")
        let alphaRow = try #require(screen.split(separator: "\n").first { $0.contains("Alpha harbour") })
        #expect(!alphaRow.contains("●"), "Alpha should show as read: \(alphaRow)")
        let betaRow = try #require(screen.split(separator: "\n").first { $0.contains("Beta orchard") })
        #expect(betaRow.contains("●"))
        again.send("Q")
        #expect(again.waitUntilExited())
    }

    @Test func stateSurvivesKillNine() throws {
        let session = TmuxSession()
        folio(session)
        #expect(session.waitFor { $0.contains("3 unread") } != nil)
        session.send("j", "Enter")
        #expect(session.waitFor { $0.contains("2 unread") } != nil)
        let pid = try #require(session.panePID)
        kill(pid, SIGKILL)
        #expect(session.waitUntilExited())
        #expect(try readTitles() == ["Beta orchard growers pick fruit at night"])
    }

    @Test func droppedTerminalExitsCleanlyWithStateSaved() throws {
        let session = TmuxSession()
        folio(session)
        #expect(session.waitFor { $0.contains("3 unread") } != nil)
        session.send("G", "Enter")
        #expect(session.waitFor { $0.contains("2 unread") } != nil)
        let pid = try #require(session.panePID)
        kill(pid, SIGHUP)
        let deadline = Date().addingTimeInterval(10)
        while Self.isRunning(pid) && Date() < deadline { usleep(50_000) }
        #expect(!Self.isRunning(pid), "folio did not exit on SIGHUP")
        #expect(try readTitles() == ["Gamma glacier melt changes river flows"])
    }

    @Test func twoInstancesSeeEachOthersChanges() throws {
        let first = TmuxSession()
        let second = TmuxSession()
        folio(first)
        folio(second)
        #expect(first.waitFor { $0.contains("3 unread") } != nil)
        #expect(second.waitFor { $0.contains("3 unread") } != nil)
        first.send("Enter")
        second.send("G", "Enter")
        #expect(first.waitFor { $0.contains("1 unread") } != nil, "first instance did not pick up the second's change: \(first.screen)")
        #expect(second.waitFor { $0.contains("1 unread") } != nil, "second instance did not pick up the first's change: \(second.screen)")
        first.send("Q")
        second.send("Q")
        #expect(try readTitles() == ["Alpha harbour opens a new ferry berth", "Gamma glacier melt changes river flows"])
    }
}
