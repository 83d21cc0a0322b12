import Foundation
import Testing

/// folio started from a shell, as a person does: whatever ends it — quitting,
/// a dropped connection, a signal, a crash, Ctrl-Z — the shell's terminal is
/// left in the state it was found in, and read state is on disk.
@Suite(.enabled(if: TmuxSession.available, "tmux is not installed; end-to-end tests skipped"), .serialized)
struct TerminalRecoveryEndToEndTests {
    let library: URL
    let state: String
    let temp: URL

    init() throws {
        temp = FileManager.default.temporaryDirectory.appendingPathComponent("folio-recovery-\(UUID().uuidString)")
        library = temp.appendingPathComponent("library")
        state = temp.appendingPathComponent("state.sqlite").path
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        try ReadStateEndToEndTests.article("Alpha harbour opens a new ferry berth", date: "2026-11-20").write(to: library.appendingPathComponent("alpha.txt"), atomically: true, encoding: .utf8)
        try ReadStateEndToEndTests.article("Beta orchard growers pick fruit at night", date: "2026-11-10").write(to: library.appendingPathComponent("beta.txt"), atomically: true, encoding: .utf8)
    }

    /// A shell in tmux with folio started from it; returns the session and folio's pid.
    func shellWithFolio() throws -> (TmuxSession, Int32) {
        let session = TmuxSession()
        session.start(["bash", "--norc", "--noprofile"], environment: ["PS1": "$ "])
        #expect(session.waitFor { $0.contains("$") } != nil)
        // No interactive prompt from the runtime's crash reporter: the test has no one to answer it.
        session.send("stty -g > \(temp.path)/before.stty; SWIFT_BACKTRACE=interactive=no \(TmuxSession.folioBinary) \(library.path) --state \(state)", "Enter")
        #expect(session.waitFor { $0.contains("2 articles, 2 unread") } != nil, "folio did not start: \(session.screen)")
        session.send("Enter")
        #expect(session.waitFor { $0.contains("2 articles, 1 unread") } != nil)
        let shell = try #require(session.panePID)
        let pid = try #require(Self.pid(ofChildOf: shell))
        return (session, pid)
    }

    /// Asks the shell for its tty modes again and compares them with those saved before folio ran.
    func expectShellTerminalSane(_ session: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws {
        // The shell prints the marker joined by a dash, so the typed command never matches it.
        let id = UUID().uuidString.prefix(6)
        let marker = "done-\(id)"
        session.send("stty -g > \(temp.path)/after.stty; printf '%s-%s\\n' done \(id)", "Enter")
        #expect(session.waitFor { $0.split(separator: "\n").contains { $0 == marker } } != nil,
                "the shell did not answer: \(session.screen)", sourceLocation: sourceLocation)
        let before = try String(contentsOfFile: temp.path + "/before.stty", encoding: .utf8)
        let after = try String(contentsOfFile: temp.path + "/after.stty", encoding: .utf8)
        #expect(before == after, "tty modes changed", sourceLocation: sourceLocation)
    }

    func readCount() throws -> Int {
        let out = try #require(Shell.run([TmuxSession.folioBinary, "list", library.path, "--json", "--state", state]))
        let rows = try #require(JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        return rows.filter { $0["read"] as? Bool == true }.count
    }

    @Test(arguments: [SIGHUP, SIGTERM, SIGINT, SIGQUIT])
    func aSignalEndsFolioAndLeavesTheTerminalSane(signal: Int32) throws {
        let (session, pid) = try shellWithFolio()
        kill(pid, signal)
        #expect(Self.waitForExit(pid), "folio did not exit on signal \(signal)")
        try expectShellTerminalSane(session)
        #expect(try readCount() == 1)
    }

    @Test(.enabled(if: Shell.which("gdb") != nil, "gdb is needed to make folio fault"))
    func aRealFaultLeavesTheTerminalSane() throws {
        let (session, pid) = try shellWithFolio()
        // Jump folio to address 0: a genuine segmentation fault in the middle of its run loop.
        Shell.run(["gdb", "-p", "\(pid)", "-batch", "-ex", "set $pc=0", "-ex", "detach"])
        #expect(Self.waitForExit(pid, timeout: 20), "folio did not die")
        #expect(session.waitFor { $0.contains("Segmentation fault") } != nil)
        try expectShellTerminalSane(session)
        #expect(try readCount() == 1)
    }

    @Test func aFaultSignalSentWithKillAlsoEndsItSanely() throws {
        let (session, pid) = try shellWithFolio()
        kill(pid, SIGSEGV)
        #expect(Self.waitForExit(pid, timeout: 20))
        try expectShellTerminalSane(session)
    }

    @Test func ctrlZSuspendsAndFgRedraws() throws {
        let (session, pid) = try shellWithFolio()
        session.send("C-z")
        #expect(session.waitFor { $0.contains("Stopped") } != nil, "Ctrl-Z did not suspend: \(session.screen)")
        try expectShellTerminalSane(session)
        session.send("fg", "Enter")
        #expect(session.waitFor { $0.contains("2 articles, 1 unread") } != nil, "fg did not redraw: \(session.screen)")
        session.send("q")
        session.send("q")
        #expect(Self.waitForExit(pid))
        try expectShellTerminalSane(session)
    }

    /// The pid of the (single) child of `parent`.
    static func pid(ofChildOf parent: Int32) -> Int32? {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if let children = try? String(contentsOfFile: "/proc/\(parent)/task/\(parent)/children", encoding: .utf8),
               let first = children.split(separator: " ").first, let pid = Int32(first) { return pid }
            usleep(20_000)
        }
        return nil
    }

    static func waitForExit(_ pid: Int32, timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while ReadStateEndToEndTests.isRunning(pid) && Date() < deadline { usleep(50_000) }
        return !ReadStateEndToEndTests.isRunning(pid)
    }
}
